export {
  ComposerAddAttachment as AddAttachment,
  ComposerAttachments as Attachments,
  ComposerInput as Input,
  type ComposerInputProps as InputProps,
  type ComposerRejection as Rejection,
  type ComposerRootProps as StaticRootProps,
  ComposerStatus as Status,
  ComposerStop as Stop,
  ComposerSubmit as Submit,
  type ComposerSubmitProps as SubmitProps,
} from "./composer";
export {
  ComposerDictation as Dictation,
  type ComposerDictationProps as DictationProps,
} from "./composer-dictation";
export {
  ComposerCommands as Commands,
  ComposerMentionButton as MentionButton,
  ComposerMentions as Mentions,
  ComposerTags as Tags,
} from "./composer-mentions";
export {
  type ComposerModel as Model,
  ComposerModelPicker as ModelPicker,
  type ComposerModelPickerProps as ModelPickerProps,
  type ComposerTool as Tool,
  ComposerToolMenu as ToolMenu,
  type ComposerToolMenuProps as ToolMenuProps,
} from "./composer-options";
export { ComposerRejections as Rejections } from "./composer-rejections";
export {
  type ComposerRootAnyProps as RootProps,
  ComposerRootSwitch as Root,
  type ConnectedComposerRootProps as ConnectedRootProps,
} from "./connected-composer";
