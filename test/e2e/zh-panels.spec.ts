/**
 * The data, training, explainer and predict panels in 简体中文, as a Chinese-reading student would use
 * them: switch the language, load iris.csv, choose the columns' roles, train, explain a sample and
 * check the gradients, then predict a row, every control found by its Chinese role and name. The
 * panels' screenshots at 1440×900 go to the test's output folder.
 */
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newFromTemplate } from './app'

const irisCsv = path.resolve(__dirname, '../fixtures/datasets/iris.csv')

test.use({ viewport: { width: 1440, height: 900 } })

/** The bottom panel's tabs by their ids: their names are the shell's, not these panels'. */
const tab = (page: Page, id: 'data' | 'training') => page.locator(`#tab-${id}`)

test('load a CSV, choose columns, train, explain and predict in 简体中文', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
  await newFromTemplate(page, /Iris/)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')

  // 数据: the file, its columns and their roles, in Chinese.
  await tab(page, 'data').click()
  const data = page.getByRole('region', { name: '数据' })
  await expect(data.getByText('打开一个 CSV 文件，或把文件拖到窗口上。')).toBeVisible()
  await data.getByLabel('CSV 文件').setInputFiles(irisCsv)
  await expect(data.locator('.file-info')).toContainText('iris.csv — 150 行 × 5 列')
  const columns = data.getByRole('table', { name: '列' })
  await expect(columns.getByRole('columnheader', { name: '用途' })).toBeVisible()
  await expect(columns.getByRole('row', { name: /sepal_length_cm/ })).toContainText('数值')
  const role = data.getByRole('combobox', { name: 'species 的用途' })
  await expect(role).toHaveValue('target')
  await expect(role.locator('option:checked')).toHaveText('目标')
  const prepared = data.getByLabel('预处理后的数据')
  await expect(prepared).toContainText('输入宽度 4')
  await expect(prepared).toContainText('多分类（setosa、versicolor、virginica）')
  await expect(prepared).toContainText('训练集 120 行 / 验证集 30 行')

  // Leave one feature out, then take it back: the input width follows.
  const sepal = data.getByRole('combobox', { name: 'sepal_width_cm 的用途' })
  await sepal.selectOption({ label: '忽略' })
  await expect(prepared).toContainText('输入宽度 3')
  await sepal.selectOption({ label: '特征' })
  await expect(prepared).toContainText('输入宽度 4')
  await data.getByRole('combobox', { name: '标准化' }).selectOption({ label: '最小–最大缩放' })
  await expect(data.getByRole('combobox', { name: '标准化' })).toHaveValue('min-max')
  await shot('zh-data')

  // 训练: settings and controls by their Chinese names.
  await tab(page, 'training').click()
  const training = page.getByRole('region', { name: '训练', exact: true })
  const settings = training.getByRole('form', { name: '训练设置' })
  await expect(settings.getByRole('group', { name: '优化器' })).toBeVisible()
  await settings.getByRole('combobox', { name: /^优化器/ }).selectOption({ label: '动量法' })
  await expect(settings.getByRole('spinbutton', { name: /^动量/ })).toHaveValue('0.9')
  await settings.getByRole('spinbutton', { name: /^学习率/ }).fill('0.05')
  await settings.getByRole('spinbutton', { name: /^学习率/ }).press('Tab')
  const epochs = settings.getByRole('spinbutton', { name: '轮次', exact: true })
  await epochs.fill('5')
  await epochs.press('Tab')
  await training.getByRole('button', { name: '训练', exact: true }).click()
  const progress = training.getByRole('progressbar', { name: '训练进度' })
  await expect(progress).toHaveAttribute('aria-valuetext', /^第 5\/5 轮 · 第 \d+ 步/, { timeout: 30_000 })
  await expect(training.getByRole('button', { name: '训练', exact: true })).toBeEnabled()
  await expect(training.getByRole('button', { name: '暂停' })).toBeDisabled()

  // 反向传播讲解: one sample's pass, the backward steps and the gradient check, in Chinese.
  const explainer = page.getByRole('region', { name: '反向传播讲解' })
  await explainer.getByRole('spinbutton', { name: '样本行' }).fill('3')
  await explainer.getByRole('button', { name: '讲解', exact: true }).click()
  const stepper = explainer.getByRole('navigation', { name: '反向传播的步骤' })
  await expect(stepper).toContainText('反向第 1 步，共 2 步')
  await expect(stepper).toContainText('（输出层，紧接损失）')
  await expect(
    explainer.getByText('softmax 配交叉熵：雅可比矩阵与 −y/a 相消，得到 δ = a − y。')
  ).toBeVisible()
  await expect(explainer.getByRole('heading', { name: '梯度（BP-3、BP-4）' })).toBeVisible()
  await stepper.getByRole('button', { name: '下一步' }).click()
  await expect(stepper).toContainText('反向第 2 步，共 2 步')
  await expect(explainer.getByText(/^∂C\/∂a⁽²⁾ = 对所有出边求和/)).toBeVisible()
  await explainer.getByRole('button', { name: '检验梯度' }).click()
  await expect(explainer.getByRole('status')).toContainText('通过：每条边上反向传播的结果都与有限差分一致')
  await expect(explainer.getByRole('columnheader', { name: '最大相对误差' })).toBeVisible()
  await shot('zh-training-explainer')

  // 权重与预测: pick a row of the data and predict it.
  await tab(page, 'data').click()
  const predict = page.getByRole('region', { name: '权重与预测' })
  await expect(predict.getByRole('button', { name: '导出权重' })).toBeEnabled()
  await predict.getByRole('combobox', { name: '从数据中选一行' }).selectOption({ label: '第 1 行' })
  await expect(predict.getByRole('textbox', { name: 'petal_length_cm 的值' })).toHaveValue('1.4')
  await predict.getByRole('button', { name: '预测', exact: true }).click()
  const result = predict.getByRole('status', { name: '预测结果' })
  await expect(result).toContainText('预测：')
  await expect(result.getByRole('table', { name: '各类别的概率' })).toContainText('%')
  await predict.getByRole('button', { name: '在验证集上评估' }).click()
  await expect(predict.getByRole('table', { name: '混淆矩阵' })).toContainText('验证集：30 行')
  await shot('zh-predict')
})
