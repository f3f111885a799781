import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { Portfolio } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { guideStep, isUntouchedAccount } from '../state/first-trade-progress';
import { isGuideDismissed, rememberGuideDismissed } from '../state/guide-memory';

/** A small first order: big enough for every symbol's minimum notional, small against 100,000 USDT. */
export const FIRST_TRADE_USDT = '100';

export interface FirstTradeGuideProps {
  userId: string | number;
  symbol: string;
  baseAsset: string;
  portfolio: Portfolio | undefined;
  /** Fills the ticket with a FIRST_TRADE_USDT market buy of the symbol and brings it forward. */
  onFillTicket: () => void;
  storage?: Storage | undefined;
}

/**
 * A guided first trade for an account that has never traded: fill the ticket with a small
 * market buy, review its fee and total and place it, then see the coin in the portfolio.
 * Nothing is placed for the user. Closing it is remembered per user.
 */
export function FirstTradeGuide({ userId, symbol, baseAsset, portfolio, onFillTicket, storage = globalThis.localStorage }: FirstTradeGuideProps) {
  const t = useT();
  const format = useFormat();
  const [dismissed, setDismissed] = useState(() => isGuideDismissed(storage, userId));
  const [started, setStarted] = useState(false);
  const [filled, setFilled] = useState(false);
  const untouched = portfolio !== undefined && isUntouchedAccount(portfolio);
  // Shown to accounts that have not traded yet; once shown it stays to congratulate the first fill.
  if (untouched && !started) setStarted(true);

  if (dismissed || !started || !portfolio) return null;
  const step = guideStep(portfolio, filled);
  const close = () => {
    rememberGuideDismissed(storage, userId);
    setDismissed(true);
  };
  const amount = format.money(FIRST_TRADE_USDT);

  return (
    <Alert
      severity={step === 2 ? 'success' : 'info'}
      variant="outlined"
      component="section"
      // A guide, not an alarm: a named region instead of Alert's role="alert".
      role="region"
      aria-label={t('guide.title')}
      action={
        <Button color="inherit" size="small" onClick={close}>
          {step === 2 ? t('guide.finish') : t('guide.dismiss')}
        </Button>
      }
    >
      <AlertTitle>{t('guide.title')}</AlertTitle>
      <Stepper activeStep={step} orientation="vertical" sx={{ bgcolor: 'transparent' }}>
        <Step>
          <StepLabel>{t('guide.step1', { amount, asset: baseAsset })}</StepLabel>
          <StepContent>
            <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
              <Typography variant="body2">{t('guide.step1.body', { symbol })}</Typography>
              <Button
                size="small"
                variant="contained"
                onClick={() => {
                  setFilled(true);
                  onFillTicket();
                }}
              >
                {t('guide.fill', { amount })}
              </Button>
            </Stack>
          </StepContent>
        </Step>
        <Step>
          <StepLabel>{t('guide.step2')}</StepLabel>
          <StepContent>
            <Typography variant="body2">{t('guide.step2.body', { asset: baseAsset })}</Typography>
          </StepContent>
        </Step>
        <Step>
          <StepLabel>{t('guide.step3', { asset: baseAsset })}</StepLabel>
          <StepContent>
            <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
              <Typography variant="body2">{t('guide.step3.body')}</Typography>
              <Button size="small" variant="contained" component={RouterLink} to="/portfolio" onClick={close}>
                {t('guide.toPortfolio')}
              </Button>
            </Stack>
          </StepContent>
        </Step>
      </Stepper>
    </Alert>
  );
}
