/** English: the data panel: loading a CSV, columns, roles, encodings, the split. */
const data = {}

export default data
