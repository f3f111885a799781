/** Small shared pieces of the built-in assistant's replies. */
import type { ChatLanguage } from '@cryptosim/contracts';
import type { ToolRun } from '../tools/tool.js';

export type Lang = ChatLanguage;
export const t = (lang: Lang, ko: string, en: string): string => (lang === 'ko' ? ko : en);

export function runOf(runs: readonly ToolRun[], tool: string): ToolRun | undefined {
  return runs.find((r) => r.name === tool);
}

export function runsOf(runs: readonly ToolRun[], tool: string): ToolRun[] {
  return runs.filter((r) => r.name === tool);
}

export function errorOf(run: ToolRun): { code: string; message: string } {
  return (run.data.error as { code: string; message: string } | undefined) ?? { code: 'UNKNOWN', message: '' };
}

/** Why a tool could not answer, said to the user. */
export function explainFailure(run: ToolRun, lang: Lang): string {
  const { code, message } = errorOf(run);
  switch (code) {
    case 'UNKNOWN_SYMBOL':
      return t(lang, `그 코인은 이 거래소에 없습니다. ${message.replace(/^.*lists /, '거래 가능한 심볼: ')}.`, `That coin is not traded here. ${message.replace(/^.*lists /, 'Symbols traded: ')}.`);
    case 'NO_PRICE':
      return t(lang, '아직 실시간 시세가 없습니다. 시세가 들어오면 다시 물어봐 주세요.', 'There is no live price yet; ask again once the market feed has delivered one.');
    case 'NO_DATA':
      return t(lang, '아직 저장된 캔들이 없습니다.', 'No candles are stored for it yet.');
    case 'MODEL_UNAVAILABLE':
      return t(
        lang,
        '지금은 예측을 만들 수 없습니다 (활성 모델이 없거나 마감된 시간봉이 부족합니다).',
        'No prediction can be made right now (no active model, or not enough closed hourly bars yet).',
      );
    default:
      return t(lang, `요청을 처리하지 못했습니다 (${code}).`, `I could not get that (${code}).`);
  }
}

export const NOT_ADVICE: Record<Lang, string> = {
  ko: '이는 과거 데이터와 통계 모델에 근거한 정보일 뿐 투자 조언이 아니며, 수익을 보장하지 않습니다.',
  en: 'This is information from past data and a statistical model, not investment advice, and no profit is guaranteed.',
};
