import { describe, expect, it } from 'vitest';
import { chooseParticle } from './korean-particle';
import { translate } from './translate';

describe('Korean particles', () => {
  it.each([
    ['BTC', '이(가)', '가'],
    ['비트코인', '이(가)', '이'],
    ['100,000.00 USDT', '을(를)', '를'],
    ['계정', '을(를)', '을'],
    ['demo_user', '(으)로', '로'],
    ['alice@example.com', '(으)로', '으로'],
    ['서울', '(으)로', '로'],
    ['3', '(으)로', '으로'],
    ['주문 41', '이(가)', '이'],
    ['주문 42', '이(가)', '가'],
  ])('when the word is %s, then %s becomes %s', (word, pair, particle) => {
    expect(chooseParticle(word, pair)).toBe(particle);
  });

  it('when a Korean message is filled in, then no placeholder particle is left', () => {
    expect(translate('ko', 'nav.signedInAs', { username: 'demo_user' })).toBe('demo_user로 로그인됨');
    expect(translate('ko', 'settings.email.done', { email: 'a@example.com' })).toBe('이메일 주소가 a@example.com으로 변경되었습니다.');
    expect(translate('ko', 'ticket.error.insufficientCoin', { asset: 'BTC', available: '0.5' })).toBe('BTC가 부족합니다: 0.5 BTC를 사용할 수 있습니다.');
  });
});
