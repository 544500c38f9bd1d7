/**
 * English, the source catalogue, one file per area of the app so that each area's strings live beside
 * each other. zh-CN/ has the same files and keys (typed against this; test/renderer/i18n.test.ts checks).
 * vue-i18n's message syntax treats { } @ $ | specially: numbers come in as {named} parameters,
 * formulas stay out of here (they are KaTeX in the lessons' code).
 */
import learn from './learn'
import shell from './shell'
import canvas from './canvas'
import data from './data'
import training from './training'
import charts from './charts'
import explainer from './explainer'
import predict from './predict'
import engine from './engine'
import notices from './notices'

const en = { ...learn, shell, canvas, data, training, charts, explainer, predict, engine, notices }

export default en
export type Catalogue = typeof en
