import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useT } from '@/lib/i18n';
import { PRICE_COLOURS, isPriceColours, priceColoursChanged, priceColoursOf, useAppDispatch, useAppSelector } from '../store';

/** Green-up/red-down or Korea's red-up/blue-down; until chosen, it follows the language. */
export function PriceColoursSwitch() {
  const t = useT();
  const dispatch = useAppDispatch();
  const current = useAppSelector((state) => priceColoursOf(state.preferences));
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={current}
      aria-label={t('settings.priceColours')}
      onChange={(_event, next: unknown) => {
        if (isPriceColours(next)) dispatch(priceColoursChanged(next));
      }}
    >
      {PRICE_COLOURS.map((option) => (
        <ToggleButton key={option} value={option} sx={{ textTransform: 'none', px: 1.25 }}>
          {t(`priceColours.${option}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
