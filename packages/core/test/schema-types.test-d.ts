import type * as v from "valibot";
import { expectTypeOf } from "vitest";
import type * as assistantSchemas from "../src/assistants/schema";
import type * as A from "../src/assistants/types";
import type * as P from "../src/chatkit";
import * as protocol from "../src/chatkit/schema";
import * as rest from "../src/rest/schema";
import type * as R from "../src/rest/types";

/**
 * The valibot schemas and the hand-written wire types describe the same JSON; these type tests
 * keep them from drifting apart. Every value of a wire type must pass its schema: a field the
 * schema requires that the type does not have, a field of another type, a literal or enum member
 * the schema does not know (e.g. a new item status added to the type only) fails here. Schemas
 * check fewer fields than the types declare and read some of them leniently (optional, nullish),
 * so the comparison is on a canonical form.
 */

/**
 * A type reduced to what both a schema's output and a wire type can state: no index signatures
 * (loose objects), no optional marks, no `undefined` of optional fields.
 */
type Canon<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Canon<U>[]
    : T extends object
      ? { [K in keyof T as string extends K ? never : K]-?: Canon<Exclude<T[K], undefined>> }
      : T;

/** `[wire type, schema output]`, both canonical. */
type Checked<S extends v.GenericSchema, W> = [Canon<W>, Canon<v.InferOutput<S>>];

test("ChatKit protocol items", () => {
  const ti = protocol.threadItemSchemas;
  type UM = Checked<typeof ti.user_message, P.UserMessageItem>;
  expectTypeOf<UM[0]>().toExtend<UM[1]>();
  type AM = Checked<typeof ti.assistant_message, P.AssistantMessageItem>;
  expectTypeOf<AM[0]>().toExtend<AM[1]>();
  type CT = Checked<typeof ti.client_tool_call, P.ClientToolCallItem>;
  expectTypeOf<CT[0]>().toExtend<CT[1]>();
  type WI = Checked<typeof ti.widget, P.WidgetItem>;
  expectTypeOf<WI[0]>().toExtend<WI[1]>();
  type GI = Checked<typeof ti.generated_image, P.GeneratedImageItem>;
  expectTypeOf<GI[0]>().toExtend<GI[1]>();
  type SI = Checked<typeof ti.structured_input, P.StructuredInputItem>;
  expectTypeOf<SI[0]>().toExtend<SI[1]>();
  type WF = Checked<typeof ti.workflow, P.WorkflowItem>;
  expectTypeOf<WF[0]>().toExtend<WF[1]>();
  type TK = Checked<typeof ti.task, P.TaskItem>;
  expectTypeOf<TK[0]>().toExtend<TK[1]>();
  type EO = Checked<typeof ti.end_of_turn, P.EndOfTurnItem>;
  expectTypeOf<EO[0]>().toExtend<EO[1]>();
  type TS = Checked<typeof protocol.threadStatus, P.ThreadStatus>;
  expectTypeOf<TS[0]>().toExtend<TS[1]>();
  type TM = Checked<typeof protocol.threadMetadata, P.ThreadMetadata>;
  expectTypeOf<TM[0]>().toExtend<TM[1]>();
});

test("hosted ChatKit REST", () => {
  const ri = rest.restItemSchemas;
  type UM = Checked<(typeof ri)["chatkit.user_message"], R.ChatKitThreadUserMessageItem>;
  expectTypeOf<UM[0]>().toExtend<UM[1]>();
  type AM = Checked<(typeof ri)["chatkit.assistant_message"], R.ChatKitThreadAssistantMessageItem>;
  expectTypeOf<AM[0]>().toExtend<AM[1]>();
  type WI = Checked<(typeof ri)["chatkit.widget"], R.ChatKitWidgetItem>;
  expectTypeOf<WI[0]>().toExtend<WI[1]>();
  type CT = Checked<(typeof ri)["chatkit.client_tool_call"], R.ChatKitClientToolCallItem>;
  expectTypeOf<CT[0]>().toExtend<CT[1]>();
  type TK = Checked<(typeof ri)["chatkit.task"], R.ChatKitTaskItem>;
  expectTypeOf<TK[0]>().toExtend<TK[1]>();
  type TG = Checked<(typeof ri)["chatkit.task_group"], R.ChatKitTaskGroupItem>;
  expectTypeOf<TG[0]>().toExtend<TG[1]>();
  type TH = Checked<typeof rest.chatKitThreadSchema, R.ChatKitThread>;
  expectTypeOf<TH[0]>().toExtend<TH[1]>();
  type TS = Checked<typeof rest.chatKitThreadStatusSchema, R.ChatKitThreadStatus>;
  expectTypeOf<TS[0]>().toExtend<TS[1]>();
  type CS = Checked<typeof rest.chatSessionSchema, R.ChatSession>;
  expectTypeOf<CS[0]>().toExtend<CS[1]>();
});

test("Assistants", () => {
  type TH = Checked<typeof assistantSchemas.assistantThreadSchema, A.AssistantThread>;
  expectTypeOf<TH[0]>().toExtend<TH[1]>();
  type AS = Checked<typeof assistantSchemas.assistantSchema, A.Assistant>;
  expectTypeOf<AS[0]>().toExtend<AS[1]>();
  type RU = Checked<typeof assistantSchemas.runSchema, A.Run>;
  expectTypeOf<RU[0]>().toExtend<RU[1]>();
  type ME = Checked<typeof assistantSchemas.messageSchema, A.Message>;
  expectTypeOf<ME[0]>().toExtend<ME[1]>();
  type RS = Checked<typeof assistantSchemas.runStepSchema, A.RunStep>;
  expectTypeOf<RS[0]>().toExtend<RS[1]>();
  type FI = Checked<typeof assistantSchemas.assistantFileSchema, A.AssistantFile>;
  expectTypeOf<FI[0]>().toExtend<FI[1]>();
});
