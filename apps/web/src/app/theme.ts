import { createTheme, type Theme } from '@mui/material/styles';

export type ColorMode = 'light' | 'dark';

// Green/red carry meaning on a trading screen (up/down, OK/down), so both modes keep them
// saturated enough to read against their background.
export function createAppTheme(mode: ColorMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#f0b90b' : '#b7860b' },
      success: { main: mode === 'dark' ? '#0ecb81' : '#03a66d' },
      error: { main: mode === 'dark' ? '#f6465d' : '#cf304a' },
      ...(mode === 'dark' ? { background: { default: '#0b0e11', paper: '#161a1e' } } : {}),
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily:
        '"Inter", "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    },
  });
}
