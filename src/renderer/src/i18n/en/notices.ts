/** English: the stores' notices and toasts. */
const notices = {}

export default notices
