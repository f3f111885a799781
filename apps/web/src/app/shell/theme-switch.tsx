import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useT } from '@/lib/i18n';
import { THEME_PREFERENCES, isThemePreference, themeChanged, useAppDispatch, useAppSelector } from '../store';

export function ThemeSwitch() {
  const t = useT();
  const dispatch = useAppDispatch();
  const theme = useAppSelector((state) => state.preferences.theme);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={theme}
      aria-label={t('shell.theme')}
      onChange={(_event, next: unknown) => {
        if (isThemePreference(next)) dispatch(themeChanged(next));
      }}
    >
      {THEME_PREFERENCES.map((option) => (
        <ToggleButton key={option} value={option} sx={{ textTransform: 'none', px: 1.25 }}>
          {t(`theme.${option}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
