// Default deny: a field with no auth rule of its own or from its type refuses to resolve.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { forbidden } from '../errors.js';

const ROOT_KINDS = new Set(['Query', 'Mutation', 'Subscription']);

export interface AuthRuleInput {
  typeKind: string;
  typeScopes: unknown;
  interfaceScopes: unknown[];
  fieldScopes: unknown;
  /** The field's `skipTypeScopes` / `skipInterfaceScopes`: a rule it skips does not cover it. */
  skipTypeScopes?: boolean;
  skipInterfaceScopes?: boolean;
}

/** Scopes that let anyone in, signed out included: `{ public: true }`, alone or as an `$any` branch. */
export function grantsEveryone(scopes: unknown): boolean {
  if (typeof scopes !== 'object' || scopes === null) return false;
  const { public: isPublic, $any } = scopes as { public?: boolean; $any?: unknown };
  return isPublic === true || grantsEveryone($any);
}

/**
 * Root fields need their own rule; other fields may inherit their type's or an interface's, unless they
 * skip it. A public interface (Node) says nothing about the types that implement it, so it covers no field.
 */
export function hasAuthRule(input: AuthRuleInput): boolean {
  if (input.fieldScopes) return true;
  if (ROOT_KINDS.has(input.typeKind)) return false;
  if (!input.skipTypeScopes && input.typeScopes) return true;
  return !input.skipInterfaceScopes && input.interfaceScopes.some((scopes) => scopes && !grantsEveryone(scopes));
}

export class DefaultDenyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private isAllowed(fieldConfig: PothosOutputFieldConfig<Types>): boolean {
    const typeConfig = this.buildCache.getTypeConfig(fieldConfig.parentType);
    const interfaces = 'interfaces' in typeConfig ? typeConfig.interfaces : [];
    const scopesOf = (options: object) => (options as { authScopes?: unknown }).authScopes;
    const skips = fieldConfig.pothosOptions as { skipTypeScopes?: boolean; skipInterfaceScopes?: boolean };
    return hasAuthRule({
      skipTypeScopes: skips.skipTypeScopes,
      skipInterfaceScopes: skips.skipInterfaceScopes,
      typeKind: typeConfig.kind,
      typeScopes: scopesOf(typeConfig.pothosOptions),
      interfaceScopes: interfaces.map((i) => scopesOf(this.buildCache.getTypeConfig(i).pothosOptions)),
      fieldScopes: scopesOf(fieldConfig.pothosOptions),
    });
  }

  private deny(fieldConfig: PothosOutputFieldConfig<Types>): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const name = `${fieldConfig.parentType}.${fieldConfig.name}`;
    return () => {
      throw forbidden(`${name} has no access rule, so it is refused.`);
    };
  }

  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    return this.isAllowed(fieldConfig) ? resolver : this.deny(fieldConfig);
  }

  override wrapSubscribe(subscriber: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined, fieldConfig: PothosOutputFieldConfig<Types>) {
    if (!subscriber || this.isAllowed(fieldConfig)) return subscriber;
    return this.deny(fieldConfig);
  }
}

const pluginName = 'defaultDeny';
SchemaBuilder.registerPlugin(pluginName, DefaultDenyPlugin);
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      defaultDeny: DefaultDenyPlugin<Types>;
    }
  }
}
