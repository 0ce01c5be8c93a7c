// Who is signed in: GET /api/auth/me once at start (401 means a guest), then kept in the query cache.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, type ApiBody, api, rememberCsrfToken, unwrap } from '../../../lib/api-client.ts';

export type SessionUser = Omit<ApiAnswer<'/api/auth/me', 'get'>, 'csrfToken'>;
export type LoginInput = ApiBody<'/api/auth/login', 'post'>;
export type RegisterInput = ApiBody<'/api/auth/register', 'post'>;

export const sessionQueryKey = ['session'] as const;

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async (): Promise<SessionUser | null> => {
    const result = await api.GET('/api/auth/me');
    if (result.response.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    const { csrfToken, ...user } = await unwrap(Promise.resolve(result));
    rememberCsrfToken(csrfToken);
    return user;
  },
  staleTime: 5 * 60 * 1000,
  retry: false,
});

export function useSession() {
  const query = useQuery(sessionQueryOptions);
  return { user: query.data ?? null, isLoading: query.isPending };
}

export function isOperatorRole(user: SessionUser | null): boolean {
  return user?.role === 'operator' || user?.role === 'admin';
}

function useSignedIn() {
  const queryClient = useQueryClient();
  return (answer: { user: SessionUser; csrfToken: string }) => {
    rememberCsrfToken(answer.csrfToken);
    // a new person: nothing cached for the previous one may leak into their pages
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    queryClient.setQueryData(sessionQueryKey, answer.user);
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: LoginInput) => unwrap(api.POST('/api/auth/login', { body: input })),
    onSuccess: signedIn,
  });
}

export function useRegister() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: RegisterInput) => unwrap(api.POST('/api/auth/register', { body: input })),
    onSuccess: signedIn,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      rememberCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
