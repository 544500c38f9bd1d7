/** English: the app frame: toolbar, palette, problems, inspector, dialogs, status, toasts, banners. */
const shell = {}

export default shell
