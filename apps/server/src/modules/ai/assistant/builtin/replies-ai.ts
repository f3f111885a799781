/** Replies about predictions and their track record, the analysis, and what an indicator means. */
import type { AnalysisResponse, PredictResponse } from '@cryptosim/contracts';
import { coinName } from '../language/coin-names.js';
import { fractionPercent } from '../language/format.js';
import type { ToolRun } from '../tools/tool.js';
import { explainFailure, NOT_ADVICE, t, type Lang } from './reply-text.js';

const LABEL: Record<Lang, Record<string, string>> = {
  ko: { UP: '상승(UP)', DOWN: '하락(DOWN)', FLAT: '보합(FLAT)' },
  en: { UP: 'UP', DOWN: 'DOWN', FLAT: 'FLAT' },
};

function trackRecordText(p: PredictResponse, lang: Lang): string {
  const tr = p.trackRecord;
  if (tr.scored === 0 || tr.accuracy === null) {
    return t(lang, `이 모델의 ${p.symbol} 예측 중 아직 채점된 것이 없어, 얼마나 잘 맞는지는 아직 알 수 없습니다.`, `None of this model's ${p.symbol} predictions has been scored yet, so how often it is right is not known yet.`);
  }
  const { majority, persistence } = tr.baselines;
  const base =
    majority.accuracy !== null && persistence.accuracy !== null
      ? t(
          lang,
          ` 같은 기간 단순 기준선의 적중률은 최빈값 ${fractionPercent(majority.accuracy)}, 직전 방향 유지 ${fractionPercent(persistence.accuracy)}입니다.`,
          ` Over the same predictions the simple baselines scored ${fractionPercent(majority.accuracy)} (always the most common outcome) and ${fractionPercent(persistence.accuracy)} (the last outcome again).`,
        )
      : '';
  return (
    t(lang, `지금까지 채점된 ${p.symbol} 예측 ${tr.scored}건의 적중률은 **${fractionPercent(tr.accuracy)}**입니다.`, `Of its ${tr.scored} scored ${p.symbol} predictions, **${fractionPercent(tr.accuracy)}** were right.`) + base
  );
}

export function predictionReply(run: ToolRun | undefined, lang: Lang, focusTrackRecord: boolean): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  const p = run.data as unknown as PredictResponse;
  const pr = p.probabilities;
  const name = coinName(p.symbol.replace(/USDT$/, ''), lang);
  const prediction = t(
    lang,
    `모델(${p.modelVersion})이 본 ${name}의 다음 1시간 봉 결과는 **${LABEL.ko[p.label]}** 가능성이 가장 높습니다: 상승 ${fractionPercent(pr.UP)}, 하락 ${fractionPercent(pr.DOWN)}, 보합 ${fractionPercent(pr.FLAT)}.`,
    `For ${name}'s next hourly bar the model (${p.modelVersion}) finds **${p.label}** most likely: UP ${fractionPercent(pr.UP)}, DOWN ${fractionPercent(pr.DOWN)}, FLAT ${fractionPercent(pr.FLAT)}.`,
  );
  const parts = focusTrackRecord ? [trackRecordText(p, lang), prediction] : [prediction, trackRecordText(p, lang)];
  parts.push(
    t(lang, '확률은 가능성의 추정일 뿐이며 가격이 그렇게 움직인다는 약속이 아닙니다. ', 'The probabilities are an estimate of chances, not a promise the price will move that way. ') + NOT_ADVICE[lang],
  );
  return parts.join('\n\n');
}

export function analysisReply(run: ToolRun | undefined, lang: Lang): string {
  if (!run) return '';
  if (!run.ok) return explainFailure(run, lang);
  // The analysis writes its own summary from its own fields, in the question's language.
  return (run.data as unknown as AnalysisResponse).summary;
}

export function indicatorReply(guide: ToolRun | undefined, analysis: ToolRun | undefined, lang: Lang): string {
  if (!guide) return '';
  if (!guide.ok) return explainFailure(guide, lang);
  const g = guide.data as { indicator: string; name: string; meaning: string; value: number | null; zone: string | null };
  const parts = [g.meaning];
  if (g.value !== null && g.zone !== null) {
    const zone = { overbought: t(lang, '과매수 구간', 'the overbought zone'), oversold: t(lang, '과매도 구간', 'the oversold zone'), neutral: t(lang, '중립 구간', 'the neutral zone') }[g.zone];
    parts.push(
      t(
        lang,
        `${g.name} ${g.value}은(는) ${zone}에 해당합니다. 과매수는 최근 상승이 가팔랐다는 뜻일 뿐, 곧 하락한다는 보장은 아닙니다.`,
        `An ${g.name} of ${g.value} is in ${zone}. Overbought only says the recent rise was steep; it does not guarantee a fall.`,
      ),
    );
  }
  if (analysis?.ok) {
    const a = analysis.data as unknown as AnalysisResponse;
    parts.push(t(lang, `현재 ${a.symbol} 분석: ${a.summary}`, `${a.symbol} right now: ${a.summary}`));
  } else if (analysis) parts.push(explainFailure(analysis, lang));
  return parts.join('\n\n');
}
