import type { MouseEvent } from 'react';
import { useMatches } from 'react-router';
import Link from '@mui/material/Link';
import type { SxProps, Theme } from '@mui/material/styles';
import { useT, type MessageKey } from '@/lib/i18n';

/** The order ticket's panel on the Trade page: the target of that page's skip link. */
export const ORDER_TICKET_ID = 'order-ticket';

/** A route's `handle`: a section its page holds that keyboard users may jump to first. */
export interface SkipTo {
  skipTo: { target: string; label: MessageKey };
}

function skipTarget(handle: unknown): SkipTo['skipTo'] | undefined {
  return typeof handle === 'object' && handle !== null && 'skipTo' in handle ? (handle as SkipTo).skipTo : undefined;
}

// Off screen until focused, then in the top-left corner above the app bar.
const hiddenUntilFocused: SxProps<Theme> = {
  position: 'absolute',
  left: -9999,
  zIndex: (theme) => theme.zIndex.tooltip,
  '&:focus': { left: 8, top: 8, p: 1, bgcolor: 'background.paper' },
};

/** Focuses the target itself (tabindex -1) so the next Tab continues inside it. */
function jumpTo(target: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    element.focus();
    element.scrollIntoView?.({ block: 'start' });
  };
}

/**
 * The first focusable elements of every page: the current route's own skip link (the Trade
 * page's "Skip to order ticket"), then "Skip to content". Without them the ticket's amount field
 * is about 21 Tab presses down, past the header, symbol picker and every chart control.
 */
export function SkipLinks({ mainId }: { mainId: string }) {
  const t = useT();
  const matches = useMatches();
  const own = matches.map((m) => skipTarget(m.handle)).findLast((s) => s !== undefined);
  return (
    <>
      {own ? (
        <Link href={`#${own.target}`} onClick={jumpTo(own.target)} sx={hiddenUntilFocused}>
          {t(own.label)}
        </Link>
      ) : null}
      <Link href={`#${mainId}`} onClick={jumpTo(mainId)} sx={hiddenUntilFocused}>
        {t('app.skipToContent')}
      </Link>
    </>
  );
}
