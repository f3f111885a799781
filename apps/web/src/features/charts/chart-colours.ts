import type { Theme } from '@mui/material/styles';

export interface ChartColours {
  background: string;
  text: string;
  grid: string;
  up: string;
  down: string;
  upVolume: string;
  downVolume: string;
  sma: string;
  ema: string;
  bands: string;
  rsi: string;
}

/** The chart follows the app theme: same greens and reds as the tables, same background. */
export function chartColours(theme: Theme): ChartColours {
  const dark = theme.palette.mode === 'dark';
  return {
    background: theme.palette.background.paper,
    text: theme.palette.text.secondary,
    grid: dark ? 'rgba(255,255,255,0.06)' : 'rgba(0,0,0,0.06)',
    up: theme.palette.success.main,
    down: theme.palette.error.main,
    upVolume: dark ? 'rgba(14,203,129,0.35)' : 'rgba(3,166,109,0.35)',
    downVolume: dark ? 'rgba(246,70,93,0.35)' : 'rgba(207,48,74,0.35)',
    sma: '#2962ff',
    ema: '#ff9800',
    bands: dark ? '#b39ddb' : '#7e57c2',
    rsi: dark ? '#4fc3f7' : '#0277bd',
  };
}
