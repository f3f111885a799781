/**
 * WCAG AA (4.5:1 for normal text) for every up/down colour pairing the app renders, in both
 * conventions and both modes: measured on the real MUI components under the app's theme, as
 * the browser would style them (a translucent background laid over the surface it sits on).
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import { PRICE_COLOURS } from './store';
import { createAppTheme, type ColorMode } from './theme';

const AA = 4.5;

afterEach(cleanup);
const MODES: ColorMode[] = ['light', 'dark'];

type Rgba = [number, number, number, number];

function parseColour(css: string): Rgba {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(css);
  const hex = short ? `#${short.slice(1).map((d) => d + d).join('')}` : css;
  const long = /^#([0-9a-f]{6})$/i.exec(hex);
  if (long) return [0, 2, 4].map((i) => parseInt(long[1]!.slice(i, i + 2), 16)).concat(1) as Rgba;
  const fn = /^rgba?\(([^)]+)\)$/.exec(css);
  if (!fn) throw new Error(`unparsed colour "${css}"`);
  const [r, g, b, a = '1'] = fn[1]!.split(',').map((s) => s.trim());
  return [Number(r), Number(g), Number(b), Number(a)];
}

/** `top` painted over an opaque `below`. */
function over(top: Rgba, below: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrastRatio(foreground: Rgba, background: Rgba): number {
  const fg = over(foreground, background);
  const [light, dark] = [luminance(fg), luminance(background)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('contrastRatio', () => {
  it('when black meets white, then the ratio is 21; a colour on itself is 1', () => {
    expect(contrastRatio([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5);
    expect(contrastRatio([246, 70, 93, 1], [246, 70, 93, 1])).toBeCloseTo(1, 5);
  });

  it('when the selected Buy toggle of the old dark red-up theme is measured, then it is the 4.16:1 axe reported', () => {
    const surface = parseColour('#161a1e');
    const tint = over([246, 70, 93, 0.16], surface);
    expect(contrastRatio([246, 70, 93, 1], tint)).toBeCloseTo(4.17, 2);
  });
});

describe.each(PRICE_COLOURS.flatMap((convention) => MODES.map((mode) => [convention, mode] as const)))('%s, %s mode', (convention, mode) => {
  const theme = createAppTheme(mode, convention);
  const surfaces = [
    ['page', parseColour(theme.palette.background.default)],
    ['panel', parseColour(theme.palette.background.paper)],
  ] as const;

  /** Text colour and background of the element, as the browser computes them. */
  function styleOf(element: HTMLElement): { colour: Rgba; background: Rgba | null } {
    const style = getComputedStyle(element);
    const background = style.backgroundColor && style.backgroundColor !== 'transparent' ? parseColour(style.backgroundColor) : null;
    return { colour: parseColour(style.color), background };
  }

  function expectAA(what: string, element: HTMLElement) {
    const { colour, background } = styleOf(element);
    for (const [surfaceName, surface] of surfaces) {
      const behind = background ? over(background, surface) : surface;
      const ratio = contrastRatio(colour, behind);
      expect(ratio, `${what} on the ${surfaceName} (${convention}, ${mode}): ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(AA);
    }
  }

  it.each(['up', 'down'] as const)('when %s is a selected side toggle, a filled button and coloured text, then each reads at AA', (colour) => {
    const { getByText } = render(
      <ThemeProvider theme={theme}>
        <ToggleButton value="x" selected color={colour}>Toggle</ToggleButton>
        <Button variant="contained" color={colour}>Filled</Button>
        <Typography sx={{ color: `${colour}.main` }}>Text</Typography>
      </ThemeProvider>,
    );
    expectAA('selected side toggle', getByText('Toggle').closest('button')!);
    expectAA('filled button', getByText('Filled').closest('button')!);
    expectAA('coloured text', getByText('Text'));
  });
});
