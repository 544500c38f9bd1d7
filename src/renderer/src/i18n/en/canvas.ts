/** English: the graph canvas, its nodes and edges, the connect dialog, the weight editor and legend. */
const canvas = {}

export default canvas
