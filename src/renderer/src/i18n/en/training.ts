/** English: the training panel, progress, δ badges, weight edges. */
const training = {}

export default training
