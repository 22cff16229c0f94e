/** Reference data of the customer archive (categories, custom fields, milestone types, grading). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type {
  CategoryBody,
  CriteriaBody,
  CustomFieldBody,
  GradeBand,
  MilestoneTypeBody,
  RoundBody,
  RoundQuery,
} from '../../../api/types';
import { useAccess } from '../../auth/useAccess';

export const customerSettingsKey = ['customer-settings'] as const;
export const gradingKey = ['customer-grading'] as const;

const key = (k: string) => ({ params: { path: { key: k } } });

export const listCategories = (activeOnly?: boolean) =>
  unwrap(
    api.GET('/api/v1/customer-settings/categories', {
      params: { query: { activeOnly: activeOnly ? 'true' : undefined } },
    }),
  );
export const createCategory = (body: CategoryBody) =>
  unwrap(api.POST('/api/v1/customer-settings/categories', { body }));
export const updateCategory = (k: string, body: Partial<CategoryBody>) =>
  unwrap(api.PATCH('/api/v1/customer-settings/categories/{key}', { ...key(k), body }));
export const deleteCategory = (k: string) => unwrap(api.DELETE('/api/v1/customer-settings/categories/{key}', key(k)));

export const listCustomFields = (activeOnly?: boolean) =>
  unwrap(
    api.GET('/api/v1/customer-settings/custom-fields', {
      params: { query: { activeOnly: activeOnly ? 'true' : undefined } },
    }),
  );
export const createCustomField = (body: CustomFieldBody) =>
  unwrap(api.POST('/api/v1/customer-settings/custom-fields', { body }));
export const updateCustomField = (k: string, body: Partial<CustomFieldBody>) =>
  unwrap(api.PATCH('/api/v1/customer-settings/custom-fields/{key}', { ...key(k), body }));
export const deleteCustomField = (k: string) =>
  unwrap(api.DELETE('/api/v1/customer-settings/custom-fields/{key}', key(k)));

export const listMilestoneTypes = (activeOnly?: boolean) =>
  unwrap(
    api.GET('/api/v1/customer-settings/milestone-types', {
      params: { query: { activeOnly: activeOnly ? 'true' : undefined } },
    }),
  );
export const createMilestoneType = (body: MilestoneTypeBody) =>
  unwrap(api.POST('/api/v1/customer-settings/milestone-types', { body }));
export const updateMilestoneType = (k: string, body: Partial<MilestoneTypeBody>) =>
  unwrap(api.PATCH('/api/v1/customer-settings/milestone-types/{key}', { ...key(k), body }));
export const deleteMilestoneType = (k: string) =>
  unwrap(api.DELETE('/api/v1/customer-settings/milestone-types/{key}', key(k)));

export const listCriteria = () => unwrap(api.GET('/api/v1/customer-grading/criteria'));
export const replaceCriteria = (items: CriteriaBody['items']) =>
  unwrap(api.PUT('/api/v1/customer-grading/criteria', { body: { items } }));
export const listBands = () => unwrap(api.GET('/api/v1/customer-grading/bands'));
export const replaceBands = (items: GradeBand[]) =>
  unwrap(api.PUT('/api/v1/customer-grading/bands', { body: { items } }));

export const listRounds = (query: RoundQuery) =>
  unwrap(api.GET('/api/v1/customer-grading/rounds', { params: { query } }));
export const getRound = (roundId: string) =>
  unwrap(api.GET('/api/v1/customer-grading/rounds/{roundId}', { params: { path: { roundId } } }));
export const createRound = (body: RoundBody) => unwrap(api.POST('/api/v1/customer-grading/rounds', { body }));
export const closeRound = (roundId: string) =>
  unwrap(api.POST('/api/v1/customer-grading/rounds/{roundId}/close', { params: { path: { roundId } } }));
export const listRoundEvaluations = (roundId: string, page: number, pageSize: number) =>
  unwrap(
    api.GET('/api/v1/customer-grading/rounds/{roundId}/evaluations', {
      params: { path: { roundId }, query: { page, pageSize } },
    }),
  );

/** Reference lists for forms and filters: active entries only; cached, shared by every page. */
function useSetting<T>(name: string, load: () => Promise<{ items: T[] }>) {
  const canRead = useAccess().can('customers.read');
  const query = useQuery({
    queryKey: [...customerSettingsKey, name, 'active'],
    queryFn: load,
    enabled: canRead,
    staleTime: 300_000,
  });
  return { items: query.data?.items ?? [], isLoading: query.isLoading };
}

export const useCategories = () => useSetting('categories', () => listCategories(true));
export const useCustomFields = () => useSetting('custom-fields', () => listCustomFields(true));
export const useMilestoneTypes = () => useSetting('milestone-types', () => listMilestoneTypes(true));
export const useCriteria = () => useSetting('criteria', listCriteria);
export const useBands = () => useSetting('bands', listBands);

export const evaluateInRound = (
  roundId: string,
  body: { customerId: string; scores: Record<string, number>; comment?: string | null },
) => unwrap(api.POST('/api/v1/customer-grading/rounds/{roundId}/evaluations', { params: { path: { roundId } }, body }));
