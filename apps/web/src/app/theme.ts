import { createTheme, type PaletteColor, type PaletteColorOptions, type Theme } from '@mui/material/styles';
import { marketColours } from './market-colours';
import type { PriceColours } from './store';

// "up" and "down" are palette colours of their own (rises, buys / falls, sells), so the
// convention can follow the reader: green-up or Korea's red-up, blue-down.
declare module '@mui/material/styles' {
  interface Palette {
    up: PaletteColor;
    down: PaletteColor;
  }
  interface PaletteOptions {
    up?: PaletteColorOptions;
    down?: PaletteColorOptions;
  }
}
declare module '@mui/material/Button' {
  interface ButtonPropsColorOverrides {
    up: true;
    down: true;
  }
}
declare module '@mui/material/ToggleButton' {
  interface ToggleButtonPropsColorOverrides {
    up: true;
    down: true;
  }
}

export type ColorMode = 'light' | 'dark';

// Green/red carry meaning on a trading screen (up/down, OK/down), so both modes keep them
// saturated enough to read against their background. The light palette is darkened to keep
// text in these colours at WCAG AA contrast (≥ 4.5:1, checked by axe in the e2e suite) on
// white and on the tinted backgrounds of selected buttons.
export function createAppTheme(mode: ColorMode, convention: PriceColours = 'greenUp'): Theme {
  const market = marketColours(convention, mode);
  return createTheme({
    palette: {
      mode,
      // Text on a filled buy/sell button: white on the darker light-mode shades, near-black on
      // the brighter dark-mode ones (both ≥ 4.5:1).
      up: { main: market.up, contrastText: mode === 'light' ? '#fff' : 'rgba(0, 0, 0, 0.87)' },
      down: { main: market.down, contrastText: mode === 'light' ? '#fff' : 'rgba(0, 0, 0, 0.87)' },
      primary: { main: mode === 'dark' ? '#f0b90b' : '#866200' },
      success: { main: mode === 'dark' ? '#0ecb81' : '#027a50' },
      error: { main: mode === 'dark' ? '#f6465d' : '#c62839' },
      ...(mode === 'light' ? { warning: { main: '#a84b00' }, info: { main: '#01579b' } } : {}),
      ...(mode === 'dark' ? { background: { default: '#0b0e11', paper: '#161a1e' } } : {}),
    },
    shape: { borderRadius: 8 },
    components: {
      // Korean wraps between words, not syllables: a header like 구분 never breaks in two.
      // A focus ring that reads on every background, for keyboard users only.
      MuiCssBaseline: {
        styleOverrides: (theme) => ({
          'html:lang(ko) body': { wordBreak: 'keep-all' },
          ':focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
        }),
      },
      // MUI's default (action.active, 54 % black) is 4.47:1 on the grey app bar: just under AA.
      // A selected buy/sell toggle is filled like the submit button: the bright dark-mode red
      // as text on its own 16 % tint is only 4.17:1, the filled pair is ≥ 5.3:1 (and hovering
      // keeps it, where a deeper tint would lower it further).
      MuiToggleButton: {
        styleOverrides: {
          root: ({ theme }) => ({
            color: theme.palette.text.secondary,
            variants: (['up', 'down'] as const).map((colour) => ({
              props: { color: colour },
              style: {
                '&.Mui-selected, &.Mui-selected:hover': { color: theme.palette[colour].contrastText, backgroundColor: theme.palette[colour].main },
              },
            })),
          }),
        },
      },
    },
    typography: {
      fontFamily:
        '"Inter", "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    },
  });
}
