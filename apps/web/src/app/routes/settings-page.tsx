import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmailForm, PasswordForm, ResetAccountCard, SettingsCard } from '@/features/account';
import { ApiKeysSection, BotSetupGuide } from '@/features/api-keys';
import { useFormat, useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { LanguageSwitch } from '../shell/language-switch';
import { PriceColoursSwitch } from '../shell/price-colours-switch';
import { ThemeSwitch } from '../shell/theme-switch';

export default function SettingsPage() {
  const t = useT();
  const format = useFormat();
  const { user } = useSession();
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h4" component="h1">
        {t('settings.title')}
      </Typography>
      <SettingsCard id="settings-appearance" title={t('settings.appearance')}>
        <Stack spacing={1}>
          <Typography variant="subtitle2" component="h3">
            {t('settings.language')}
          </Typography>
          <LanguageSwitch />
        </Stack>
        <Stack spacing={1}>
          <Typography variant="subtitle2" component="h3">
            {t('settings.theme')}
          </Typography>
          <ThemeSwitch />
        </Stack>
        <Stack spacing={1}>
          <Typography variant="subtitle2" component="h3">
            {t('settings.priceColours')}
          </Typography>
          <PriceColoursSwitch />
        </Stack>
      </SettingsCard>
      {user ? (
        <Typography variant="body2" color="text.secondary">
          {t('settings.accountOf', { username: user.username, date: format.dateTime(Date.parse(user.createdAt)) })} · {user.email}
        </Typography>
      ) : null}
      <EmailForm />
      <PasswordForm />
      <SettingsCard id="settings-api-keys" title={t('apiKeys.title')}>
        <ApiKeysSection />
      </SettingsCard>
      <SettingsCard id="settings-bots" title={t('apiKeys.bots.title')}>
        <BotSetupGuide />
      </SettingsCard>
      <ResetAccountCard />
    </Stack>
  );
}
