/** English: the backprop explainer and its matrices (the notation keys stay in learn.ts). */
const explainer = {}

export default explainer
