import type { ColorMode } from './theme';
import type { PriceColours } from './store';

/**
 * Up/down colours for each convention and mode, at WCAG AA contrast on the app's backgrounds
 * (every pairing measured in market-colours.test.tsx, and by axe in the browser suite). Buy
 * buttons take the "up" colour, sell the "down" one, as on Binance (green/red) and Upbit (red/blue).
 */
const COLOURS: Record<PriceColours, Record<ColorMode, { up: string; down: string }>> = {
  greenUp: { light: { up: '#027a50', down: '#c62839' }, dark: { up: '#0ecb81', down: '#f6465d' } },
  redUp: { light: { up: '#c62839', down: '#0b5cad' }, dark: { up: '#f6465d', down: '#4d9bf0' } },
};

export function marketColours(convention: PriceColours, mode: ColorMode) {
  return COLOURS[convention][mode];
}
