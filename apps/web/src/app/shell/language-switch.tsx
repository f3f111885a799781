import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { LANGUAGES, isLanguage, useT } from '@/lib/i18n';
import { languageChanged, useAppDispatch, useAppSelector } from '../store';

// Each language is named in itself (한국어 / English) so a reader of either can find theirs.
export function LanguageSwitch() {
  const t = useT();
  const dispatch = useAppDispatch();
  const language = useAppSelector((state) => state.preferences.language);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={language}
      aria-label={t('shell.language')}
      onChange={(_event, next: unknown) => {
        // An exclusive group reports null when the pressed button is clicked again.
        if (isLanguage(next)) dispatch(languageChanged(next));
      }}
    >
      {LANGUAGES.map((code) => (
        <ToggleButton key={code} value={code} lang={code} sx={{ textTransform: 'none', px: 1.25 }}>
          {t(`language.${code}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
