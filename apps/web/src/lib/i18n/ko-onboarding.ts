import type { enOnboarding } from './en-onboarding';

export const koOnboarding: Record<keyof typeof enOnboarding, string> = {
  'guide.title': '세 단계로 끝내는 첫 거래',
  'guide.step1': '주문 채우기: {asset} {amount} 시장가 매수',
  'guide.step1.body': '가상 자금이에요. 시장가 주문은 {symbol}을(를) 지금 실시간 가격으로 바로 삽니다.',
  'guide.fill': '{amount}(으)로 주문 채우기',
  'guide.step2': '수수료와 총액을 확인하고 주문하기',
  'guide.step2.body': '보내기 전에 주문 창에 수수료와 결제 금액이 보여요. "{asset} 매수"를 누르고 확인하세요.',
  'guide.step3': '{asset}이(가) 들어왔어요',
  'guide.step3.body': '첫 거래 완료! 포트폴리오에서 보유 자산, 평가 금액, 손익을 볼 수 있어요.',
  'guide.toPortfolio': '내 포트폴리오 보기',
  'guide.dismiss': '다시 보지 않기',
  'guide.finish': '완료',
};
