import SvgIcon, { type SvgIconProps } from '@mui/material/SvgIcon';

// Paths from Material Symbols (Apache-2.0), inlined as in components/icons.tsx.
export const FullscreenIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M7 14H5v5h5v-2H7zm-2-4h2V7h3V5H5zm12 7h-3v2h5v-5h-2zM14 5v2h3v3h2V5z" />
  </SvgIcon>
);

export const FullscreenExitIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M5 16h3v3h2v-5H5zm3-8H5v2h5V5H8zm6 11h2v-3h3v-2h-5zm2-11V5h-2v5h5V8z" />
  </SvgIcon>
);

export const TuneIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M3 17v2h6v-2zM3 5v2h10V5zm10 16v-2h8v-2h-8v-2h-2v6zM7 9v2H3v2h4v2h2V9zm14 4v-2H11v2zm-6-4h2V7h4V5h-4V3h-2z" />
  </SvgIcon>
);
