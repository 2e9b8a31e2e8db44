/**
 * Every `part` a device menu renders, declared once (see pre-join.parts.ts). The room view re-exports them, so pages
 * style them on the host: `urbania-meeting::part(device-option)`.
 */
export const DEVICE_MENU_PARTS = ['device-menu-toggle', 'device-menu', 'device-option'] as const;
