import { CHAT_MESSAGE_MAX_LENGTH } from '@cryptosim/contracts';
import type { Translate } from '@/lib/i18n';
import type { ChatFailure } from '../state/chat-state';

/** A failed turn in the user's words, with the wait a 429 asked for. */
export function failureText(t: Translate, failure: ChatFailure): string {
  switch (failure.kind) {
    case 'rateLimited':
      return failure.retryAfterSeconds === undefined
        ? t('assistant.error.rateLimitedLater')
        : t('assistant.error.rateLimited', { seconds: failure.retryAfterSeconds });
    case 'invalid':
      return t('assistant.error.invalid', { max: CHAT_MESSAGE_MAX_LENGTH.toLocaleString('en-US') });
    case 'notFound':
      return t('assistant.error.notFound');
    case 'network':
      return t('assistant.error.network');
    case 'cutOff':
      return t('assistant.error.cutOff');
    case 'server':
      return t('assistant.error.server', { code: failure.code });
  }
}
