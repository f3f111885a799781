import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { useTheme } from '@mui/material/styles';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from '../provider';
import { createAppStore } from '../store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { PriceColoursSwitch } from './price-colours-switch';

function UpDown() {
  const theme = useTheme();
  return <output>{`${theme.palette.up.main} ${theme.palette.down.main}`}</output>;
}

function renderSwitch(language: 'ko' | 'en') {
  const store = createAppStore({ preferences: { language, theme: 'light' } });
  render(
    <AppProvider store={store} queryClient={new QueryClient()} webSocket={FakeWebSocket}>
      <PriceColoursSwitch />
      <UpDown />
    </AppProvider>,
  );
  return store;
}

describe('price colour convention', () => {
  afterEach(cleanup);

  it('when the reader uses Korean and has not chosen, then rises are red and falls blue, as on Upbit', () => {
    renderSwitch('ko');
    expect(screen.getByRole('status').textContent).toBe('#c62839 #0b5cad');
    expect(screen.getByRole('button', { name: '상승 빨강 · 하락 파랑' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('when the reader uses English, then rises are green; switching to red-up changes every up/down colour', () => {
    const store = renderSwitch('en');
    expect(screen.getByRole('status').textContent).toBe('#027a50 #c62839');
    fireEvent.click(screen.getByRole('button', { name: 'Red up, blue down' }));
    expect(screen.getByRole('status').textContent).toBe('#c62839 #0b5cad');
    expect(store.getState().preferences.priceColours).toBe('redUp');
  });
});
