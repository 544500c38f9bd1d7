/** English: engine errors and notices, worded from their code and parameters. */
const engine = {}

export default engine
