import Typography, { type TypographyProps } from '@mui/material/Typography';
import { useFormat } from '@/lib/i18n';

/** A signed percentage in the trading colours: green up, red down, neutral at zero. */
export function ChangeText({ percent, ...props }: { percent: string } & TypographyProps) {
  const format = useFormat();
  const value = Number(percent);
  const color = value > 0 ? 'up.main' : value < 0 ? 'down.main' : 'text.secondary';
  return (
    <Typography component="span" variant="body2" {...props} sx={{ color, fontVariantNumeric: 'tabular-nums', fontWeight: 600, ...props.sx }}>
      {format.percent(percent)}
    </Typography>
  );
}
