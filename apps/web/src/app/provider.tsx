import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider as ReduxProvider } from 'react-redux';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ApiClient, ApiClientProvider } from '@/lib/api';
import { I18nProvider } from '@/lib/i18n';
import { LivePriceCache, PriceStream, PriceStreamProvider, type WebSocketConstructor } from '@/lib/ws';
import { SessionEffects } from './session-effects';
import { createAppStore, priceColoursOf, storeSessionPort, useAppSelector, type AppStore } from './store';
import { createAppTheme } from './theme';

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 2_000 } },
  });
}

/** Reads preferences from the store, so it must sit inside the Redux provider. */
function PreferencesBridge({ children }: { children: ReactNode }) {
  const preferences = useAppSelector((state) => state.preferences);
  const { language, theme } = preferences;
  const convention = priceColoursOf(preferences);
  const systemPrefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const mode = theme === 'system' ? (systemPrefersDark ? 'dark' : 'light') : theme;
  const muiTheme = useMemo(() => createAppTheme(mode, convention), [mode, convention]);

  useEffect(() => {
    // Screen readers pick pronunciation from the document language.
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ThemeProvider theme={muiTheme}>
      <CssBaseline enableColorScheme />
      <I18nProvider language={language}>{children}</I18nProvider>
    </ThemeProvider>
  );
}

export interface AppProviderProps {
  children: ReactNode;
  store?: AppStore;
  queryClient?: QueryClient;
  /** Tests pass a fake socket class; the app uses the browser's WebSocket. */
  webSocket?: WebSocketConstructor;
}

const browserStorage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Tests pass their own store and query client; the app creates them once per page load. */
export function AppProvider({ children, store, queryClient, webSocket }: AppProviderProps) {
  const [appStore] = useState(() => store ?? createAppStore({ storage: browserStorage() }));
  const [client] = useState(() => queryClient ?? createAppQueryClient());
  const [api] = useState(() => new ApiClient(storeSessionPort(appStore, store ? undefined : browserStorage())));
  // One socket for the page's lifetime; it opens with the first subscription.
  const [stream] = useState(() => new PriceStream(webSocket ? { WebSocketImpl: webSocket } : {}));

  useEffect(() => stream.onFrame(new LivePriceCache(client).apply), [stream, client]);

  return (
    <ReduxProvider store={appStore}>
      <QueryClientProvider client={client}>
        <ApiClientProvider client={api}>
          <PriceStreamProvider stream={stream}>
            <SessionEffects storage={store ? undefined : browserStorage()} />
            <PreferencesBridge>{children}</PreferencesBridge>
          </PriceStreamProvider>
        </ApiClientProvider>
      </QueryClientProvider>
    </ReduxProvider>
  );
}
