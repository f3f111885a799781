import { useEffect, useState, type RefObject } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useT } from '@/lib/i18n';
import { FullscreenExitIcon, FullscreenIcon } from './chart-icons';

/** Puts `target` in full screen (Fullscreen API); Esc, handled by the browser, leaves it. */
export function FullscreenButton({ target }: { target: RefObject<HTMLElement | null> }) {
  const t = useT();
  const [active, setActive] = useState(false);
  useEffect(() => {
    const sync = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [target]);
  if (typeof document === 'undefined' || !document.fullscreenEnabled) return null;
  const label = t(active ? 'chart.fullscreen.exit' : 'chart.fullscreen.enter');
  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        aria-label={label}
        aria-pressed={active}
        onClick={() => void (active ? document.exitFullscreen() : target.current?.requestFullscreen())?.catch(() => undefined)}
      >
        {active ? <FullscreenExitIcon fontSize="small" /> : <FullscreenIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
}
