/**
 * Whether the Learn panel is open: one flag shared by the toolbar's Learn button and the workspace.
 * A plain ref (not a Pinia store): it is view state of this feature alone and nothing persists it.
 */
import { ref } from 'vue'

export const learnOpen = ref(false)
