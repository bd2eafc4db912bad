import {
  ComposerAddAttachment,
  ComposerAttachments,
  ComposerInput,
  ComposerStatus,
  ComposerStop,
  ComposerSubmit,
} from "./composer";
import { ComposerRejections } from "./composer-rejections";

/**
 * What `Composer.Root` renders when it has no children: the attachment chips, refused files, a
 * row with the attach button (when the root accepts files), the input, Stop and Submit, and the
 * status line under it.
 */
export function ComposerDefaultParts() {
  return (
    <>
      <ComposerAttachments />
      <ComposerRejections />
      <div data-tk-part="composer-row">
        <ComposerAddAttachment />
        <ComposerInput />
        <ComposerStop />
        <ComposerSubmit />
      </div>
      <ComposerStatus />
    </>
  );
}
