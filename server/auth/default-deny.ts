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
}

/** Root fields need their own rule; other fields may inherit their type's or an interface's. */
export function hasAuthRule(input: AuthRuleInput): boolean {
  if (input.fieldScopes) return true;
  if (ROOT_KINDS.has(input.typeKind)) return false;
  return Boolean(input.typeScopes) || input.interfaceScopes.some(Boolean);
}

export class DefaultDenyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private isAllowed(fieldConfig: PothosOutputFieldConfig<Types>): boolean {
    const typeConfig = this.buildCache.getTypeConfig(fieldConfig.parentType);
    const interfaces = 'interfaces' in typeConfig ? typeConfig.interfaces : [];
    const scopesOf = (options: object) => (options as { authScopes?: unknown }).authScopes;
    return hasAuthRule({
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

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ) {
    return this.isAllowed(fieldConfig) ? resolver : this.deny(fieldConfig);
  }

  override wrapSubscribe(
    subscriber: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ) {
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
