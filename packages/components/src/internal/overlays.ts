/**
 * The overlays threadkit loads on first use, in one module: the thread list's delete dialog, the
 * composer's menus, the image preview dialog and the source preview tooltip. They share most of
 * their Radix code (dismissable layer, portal, presence, focus scope, popper), so an app's bundler
 * emits them as one lazy chunk instead of one per overlay plus a shared chunk per combination.
 * The first interaction with any of them loads all four.
 */
export * as composerMenu from "../composer/composer-menu";
export * as previewDialog from "../items/preview-dialog-content";
export * as sourcePreview from "../message/source-preview";
export * as deleteDialog from "../thread-list/delete-dialog";
