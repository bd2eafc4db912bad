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
 * keep them from drifting apart, in both directions, on a canonical form (see `Canon`):
 *
 * 1. Every value of a wire type passes its schema: a field the schema requires that the type does
 *    not have, a field of another type, a literal or enum member the schema does not know (e.g. a
 *    new item status added to the type only) fails here.
 * 2. On the fields the schema declares, the schema's output equals the wire type: the wire type is
 *    deep-picked to the keys of the schema's output (`Stated`) and must equal it. A literal added
 *    to the schema only, a field nullable on one side only, a field the schema declares that the
 *    type lacks or names differently, a union member the schema has and the type has not, fails.
 *
 * Schemas check fewer fields than the types declare, so fields the schema does not declare are
 * left out; a field the schema reads as `unknown` states nothing about its type and is not
 * compared; a literal union of the type the schema reads as plain `string` (an open enum, so a
 * newer server's values still parse) compares as `string`; the fallback option of an open union
 * (`{ type: string }`) is left out of the comparison. Each pair is checked with `toExtend` (1) and
 * `toEqualTypeOf` both ways (2).
 */

/**
 * A type reduced to what both a schema's output and a wire type can state: no index signatures
 * (loose objects), no optional or readonly marks, no `undefined` of optional fields.
 */
type Canon<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Canon<U>[]
    : T extends object
      ? {
          -readonly [K in keyof T as string extends K ? never : K]-?: Canon<
            Exclude<T[K], undefined>
          >;
        }
      : T;

/** Marks a field the schema declares and the wire type lacks; never equal to a schema output. */
declare const missing: unique symbol;
type Missing = { readonly [missing]: true };

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/**
 * `W` (a canonical wire type) reduced to what `S` (a canonical schema output) states: each object
 * member of `W` is picked to the keys of the narrowest `S` members it is assignable to (all of `S`
 * when none), recursively; where `S` is `unknown`, nothing is stated; where `S` reads a string
 * literal union of `W` as plain `string` (an open enum: icons, error codes), it compares as `string`.
 */
type Stated<W, S> = unknown extends S ? unknown : StatedEach<W, S>;

type StatedEach<W, S> = W extends string
  ? string extends S
    ? string
    : W
  : W extends Primitive
    ? W
    : W extends (infer WU)[]
      ? Stated<WU, S extends (infer SU)[] ? SU : never>[]
      : W extends object
        ? PickTo<W, Narrowest<MatchOf<W, Exclude<S, Primitive | unknown[]>>>>
        : W;

/** The members of `S` that `W` is assignable to, or all of `S` when there are none. */
type MatchOf<W, S> = [AssignableTo<W, S>] extends [never] ? S : AssignableTo<W, S>;
type AssignableTo<W, S> = S extends unknown ? (W extends S ? S : never) : never;

/** The members of `M` no other member of `M` is narrower than (a known variant over the fallback). */
type Narrowest<M, All = M> = M extends unknown
  ? true extends Narrower<All, M>
    ? never
    : M
  : never;
type Narrower<U, M> = U extends M ? (M extends U ? never : true) : never;

type PickTo<W, S> = S extends unknown
  ? { [K in keyof S]: K extends keyof W ? Stated<W[K], S[K]> : Missing }
  : never;

/**
 * A canonical type without the fallback options of its open unions (`{ type: string }` beside
 * `{ type: "text"; ... }`): they state no more than "some other variant".
 */
type Known<T> = KnownEach<Narrowest<T>>;
type KnownEach<T> = T extends Primitive
  ? T
  : T extends (infer U)[]
    ? Known<U>[]
    : T extends object
      ? { [K in keyof T]: Known<T[K]> }
      : T;

/**
 * `[wire type, schema output, wire type on the schema's fields]`: the first two canonical for
 * direction 1, the last two also without fallback options for direction 2.
 */
type Checked<S extends v.GenericSchema, W> = [
  Canon<W>,
  Canon<v.InferOutput<S>>,
  Known<Stated<Canon<W>, Canon<v.InferOutput<S>>>>,
] extends [infer CW, infer CS, infer ST]
  ? [CW, CS, ST, Known<CS>]
  : never;

test("ChatKit protocol items", () => {
  const ti = protocol.threadItemSchemas;
  type UM = Checked<typeof ti.user_message, P.UserMessageItem>;
  expectTypeOf<UM[0]>().toExtend<UM[1]>();
  expectTypeOf<UM[2]>().toEqualTypeOf<UM[3]>();
  expectTypeOf<UM[3]>().toEqualTypeOf<UM[2]>();
  type AM = Checked<typeof ti.assistant_message, P.AssistantMessageItem>;
  expectTypeOf<AM[0]>().toExtend<AM[1]>();
  expectTypeOf<AM[2]>().toEqualTypeOf<AM[3]>();
  expectTypeOf<AM[3]>().toEqualTypeOf<AM[2]>();
  type CT = Checked<typeof ti.client_tool_call, P.ClientToolCallItem>;
  expectTypeOf<CT[0]>().toExtend<CT[1]>();
  expectTypeOf<CT[2]>().toEqualTypeOf<CT[3]>();
  expectTypeOf<CT[3]>().toEqualTypeOf<CT[2]>();
  type WI = Checked<typeof ti.widget, P.WidgetItem>;
  expectTypeOf<WI[0]>().toExtend<WI[1]>();
  expectTypeOf<WI[2]>().toEqualTypeOf<WI[3]>();
  expectTypeOf<WI[3]>().toEqualTypeOf<WI[2]>();
  type GI = Checked<typeof ti.generated_image, P.GeneratedImageItem>;
  expectTypeOf<GI[0]>().toExtend<GI[1]>();
  expectTypeOf<GI[2]>().toEqualTypeOf<GI[3]>();
  expectTypeOf<GI[3]>().toEqualTypeOf<GI[2]>();
  type SI = Checked<typeof ti.structured_input, P.StructuredInputItem>;
  expectTypeOf<SI[0]>().toExtend<SI[1]>();
  expectTypeOf<SI[2]>().toEqualTypeOf<SI[3]>();
  expectTypeOf<SI[3]>().toEqualTypeOf<SI[2]>();
  type WF = Checked<typeof ti.workflow, P.WorkflowItem>;
  expectTypeOf<WF[0]>().toExtend<WF[1]>();
  expectTypeOf<WF[2]>().toEqualTypeOf<WF[3]>();
  expectTypeOf<WF[3]>().toEqualTypeOf<WF[2]>();
  type TK = Checked<typeof ti.task, P.TaskItem>;
  expectTypeOf<TK[0]>().toExtend<TK[1]>();
  expectTypeOf<TK[2]>().toEqualTypeOf<TK[3]>();
  expectTypeOf<TK[3]>().toEqualTypeOf<TK[2]>();
  type EO = Checked<typeof ti.end_of_turn, P.EndOfTurnItem>;
  expectTypeOf<EO[0]>().toExtend<EO[1]>();
  expectTypeOf<EO[2]>().toEqualTypeOf<EO[3]>();
  expectTypeOf<EO[3]>().toEqualTypeOf<EO[2]>();
  type TS = Checked<typeof protocol.threadStatus, P.ThreadStatus>;
  expectTypeOf<TS[0]>().toExtend<TS[1]>();
  expectTypeOf<TS[2]>().toEqualTypeOf<TS[3]>();
  expectTypeOf<TS[3]>().toEqualTypeOf<TS[2]>();
  type TM = Checked<typeof protocol.threadMetadata, P.ThreadMetadata>;
  expectTypeOf<TM[0]>().toExtend<TM[1]>();
  expectTypeOf<TM[2]>().toEqualTypeOf<TM[3]>();
  expectTypeOf<TM[3]>().toEqualTypeOf<TM[2]>();
});

test("hosted ChatKit REST", () => {
  const ri = rest.restItemSchemas;
  type UM = Checked<(typeof ri)["chatkit.user_message"], R.ChatKitThreadUserMessageItem>;
  expectTypeOf<UM[0]>().toExtend<UM[1]>();
  expectTypeOf<UM[2]>().toEqualTypeOf<UM[3]>();
  expectTypeOf<UM[3]>().toEqualTypeOf<UM[2]>();
  type AM = Checked<(typeof ri)["chatkit.assistant_message"], R.ChatKitThreadAssistantMessageItem>;
  expectTypeOf<AM[0]>().toExtend<AM[1]>();
  expectTypeOf<AM[2]>().toEqualTypeOf<AM[3]>();
  expectTypeOf<AM[3]>().toEqualTypeOf<AM[2]>();
  type WI = Checked<(typeof ri)["chatkit.widget"], R.ChatKitWidgetItem>;
  expectTypeOf<WI[0]>().toExtend<WI[1]>();
  expectTypeOf<WI[2]>().toEqualTypeOf<WI[3]>();
  expectTypeOf<WI[3]>().toEqualTypeOf<WI[2]>();
  type CT = Checked<(typeof ri)["chatkit.client_tool_call"], R.ChatKitClientToolCallItem>;
  expectTypeOf<CT[0]>().toExtend<CT[1]>();
  expectTypeOf<CT[2]>().toEqualTypeOf<CT[3]>();
  expectTypeOf<CT[3]>().toEqualTypeOf<CT[2]>();
  type TK = Checked<(typeof ri)["chatkit.task"], R.ChatKitTaskItem>;
  expectTypeOf<TK[0]>().toExtend<TK[1]>();
  expectTypeOf<TK[2]>().toEqualTypeOf<TK[3]>();
  expectTypeOf<TK[3]>().toEqualTypeOf<TK[2]>();
  type TG = Checked<(typeof ri)["chatkit.task_group"], R.ChatKitTaskGroupItem>;
  expectTypeOf<TG[0]>().toExtend<TG[1]>();
  expectTypeOf<TG[2]>().toEqualTypeOf<TG[3]>();
  expectTypeOf<TG[3]>().toEqualTypeOf<TG[2]>();
  type TH = Checked<typeof rest.chatKitThreadSchema, R.ChatKitThread>;
  expectTypeOf<TH[0]>().toExtend<TH[1]>();
  expectTypeOf<TH[2]>().toEqualTypeOf<TH[3]>();
  expectTypeOf<TH[3]>().toEqualTypeOf<TH[2]>();
  type TS = Checked<typeof rest.chatKitThreadStatusSchema, R.ChatKitThreadStatus>;
  expectTypeOf<TS[0]>().toExtend<TS[1]>();
  expectTypeOf<TS[2]>().toEqualTypeOf<TS[3]>();
  expectTypeOf<TS[3]>().toEqualTypeOf<TS[2]>();
  type CS = Checked<typeof rest.chatSessionSchema, R.ChatSession>;
  expectTypeOf<CS[0]>().toExtend<CS[1]>();
  expectTypeOf<CS[2]>().toEqualTypeOf<CS[3]>();
  expectTypeOf<CS[3]>().toEqualTypeOf<CS[2]>();
});

test("Assistants", () => {
  type TH = Checked<typeof assistantSchemas.assistantThreadSchema, A.AssistantThread>;
  expectTypeOf<TH[0]>().toExtend<TH[1]>();
  expectTypeOf<TH[2]>().toEqualTypeOf<TH[3]>();
  expectTypeOf<TH[3]>().toEqualTypeOf<TH[2]>();
  type AS = Checked<typeof assistantSchemas.assistantSchema, A.Assistant>;
  expectTypeOf<AS[0]>().toExtend<AS[1]>();
  expectTypeOf<AS[2]>().toEqualTypeOf<AS[3]>();
  expectTypeOf<AS[3]>().toEqualTypeOf<AS[2]>();
  type RU = Checked<typeof assistantSchemas.runSchema, A.Run>;
  expectTypeOf<RU[0]>().toExtend<RU[1]>();
  expectTypeOf<RU[2]>().toEqualTypeOf<RU[3]>();
  expectTypeOf<RU[3]>().toEqualTypeOf<RU[2]>();
  type ME = Checked<typeof assistantSchemas.messageSchema, A.Message>;
  expectTypeOf<ME[0]>().toExtend<ME[1]>();
  expectTypeOf<ME[2]>().toEqualTypeOf<ME[3]>();
  expectTypeOf<ME[3]>().toEqualTypeOf<ME[2]>();
  type RS = Checked<typeof assistantSchemas.runStepSchema, A.RunStep>;
  expectTypeOf<RS[0]>().toExtend<RS[1]>();
  expectTypeOf<RS[2]>().toEqualTypeOf<RS[3]>();
  expectTypeOf<RS[3]>().toEqualTypeOf<RS[2]>();
  type FI = Checked<typeof assistantSchemas.assistantFileSchema, A.AssistantFile>;
  expectTypeOf<FI[0]>().toExtend<FI[1]>();
  expectTypeOf<FI[2]>().toEqualTypeOf<FI[3]>();
  expectTypeOf<FI[3]>().toEqualTypeOf<FI[2]>();
});
