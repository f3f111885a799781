/** The first-trade guide on the Trade page. */
export const enOnboarding = {
  'guide.title': 'Your first trade in three steps',
  'guide.step1': 'Fill the ticket: a market buy of {amount} of {asset}',
  'guide.step1.body': 'This is virtual money. A market order buys {symbol} at the live price right away.',
  'guide.fill': 'Fill the ticket with {amount}',
  'guide.step2': 'Check the fee and the total, then place it',
  'guide.step2.body': 'The ticket shows the fee and what you pay before anything is sent. Press "Buy {asset}" and confirm.',
  'guide.step3': 'Your {asset} arrived',
  'guide.step3.body': 'Your first trade is done. The portfolio shows what you hold, its value and your profit or loss.',
  'guide.toPortfolio': 'See my portfolio',
  'guide.dismiss': "Don't show again",
  'guide.finish': 'Done',
};
