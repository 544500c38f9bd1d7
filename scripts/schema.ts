/**
 * `npm run schema`: writes docs/weights.schema.json from the engine's weights file schema
 * (src/engine/weights/schema.ts). test/engine/weights-schema.test.ts fails when the checked-in file
 * differs from what this writes, so the document can never drift from the reader.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { weightsSchemaText } from '../src/engine/weights/schema'

const out = path.resolve(import.meta.dirname, '../docs/weights.schema.json')
writeFileSync(out, weightsSchemaText())
console.log(`wrote ${path.relative(process.cwd(), out)}`)
