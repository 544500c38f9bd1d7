/** English: the predict panel. */
const predict = {}

export default predict
