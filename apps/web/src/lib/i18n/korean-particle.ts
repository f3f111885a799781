/**
 * Korean particles depend on the word before them: 이/가, 을/를, 은/는, 과/와 on whether it ends
 * in a final consonant (받침), (으)로 also on whether that consonant is ㄹ. Messages write the
 * pair after a placeholder ("{asset}이(가)"); the filled-in word picks one.
 */
const PAIRS: Record<string, [withFinal: string, withoutFinal: string]> = {
  '이(가)': ['이', '가'],
  '을(를)': ['을', '를'],
  '은(는)': ['은', '는'],
  '과(와)': ['과', '와'],
  '(으)로': ['으로', '로'],
};
export const PARTICLE_PATTERN = /이\(가\)|을\(를\)|은\(는\)|과\(와\)|\(으\)로/;

// How Latin letters and digits are read aloud in Korean, by their final sound: 엘 엠 엔 알 end in
// a consonant (엘 and 알 in ㄹ), the others in a vowel; 영 일 삼 육 칠 팔 in a consonant.
const LETTER_FINAL: Record<string, 'ㄹ' | 'other'> = { l: 'ㄹ', r: 'ㄹ', m: 'other', n: 'other' };
const DIGIT_FINAL: Record<string, 'ㄹ' | 'other'> = { '0': 'other', '1': 'ㄹ', '3': 'other', '6': 'other', '7': 'ㄹ', '8': 'ㄹ' };

/** The final sound of the word's last readable character: none, ㄹ or another consonant. */
export function finalSound(word: string): 'none' | 'ㄹ' | 'other' {
  const last = [...word.replace(/[\s)\]}"'.,!?%]+$/u, '')].at(-1);
  if (!last) return 'none';
  const code = last.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'none' : final === 8 ? 'ㄹ' : 'other';
  }
  return LETTER_FINAL[last.toLowerCase()] ?? DIGIT_FINAL[last] ?? 'none';
}

export function chooseParticle(word: string, pair: string): string {
  const options = PAIRS[pair];
  if (!options) return pair;
  const final = finalSound(word);
  if (pair === '(으)로') return final === 'other' ? options[0] : options[1];
  return final === 'none' ? options[1] : options[0];
}
