/** 简体中文: the same files and keys as en/ (each typed against the English catalogue). */
import type { Catalogue } from '../en'
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

const zhCN: Catalogue = {
  ...learn,
  shell,
  canvas,
  data,
  training,
  charts,
  explainer,
  predict,
  engine,
  notices
}

export default zhCN
