import { alpha, type Theme } from '@mui/material/styles';

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

/** The chart follows the app theme: the same up/down colours as the tables, same background. */
export function chartColours(theme: Theme): ChartColours {
  const dark = theme.palette.mode === 'dark';
  return {
    background: theme.palette.background.paper,
    text: theme.palette.text.secondary,
    grid: dark ? 'rgba(255,255,255,0.06)' : 'rgba(0,0,0,0.06)',
    up: theme.palette.up.main,
    down: theme.palette.down.main,
    upVolume: alpha(theme.palette.up.main, 0.35),
    downVolume: alpha(theme.palette.down.main, 0.35),
    sma: '#2962ff',
    ema: '#ff9800',
    bands: dark ? '#b39ddb' : '#7e57c2',
    rsi: dark ? '#4fc3f7' : '#0277bd',
  };
}
