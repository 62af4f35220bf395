using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>/api/sms-inbox/</c> (conversations; reading one marks it read) and <c>/api/messages/</c> (SMS messages). Bare
/// arrays. The read-state filter follows the dialect (<see cref="ReadFilter"/>).
/// </summary>
internal static class SmsEndpoints
{
    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/sms-inbox/", state, EndpointScope.Identity, context => ListConversations(state, context));
        app.Handle("GET", "/api/sms-inbox/{conversationId}/", state, EndpointScope.Identity, context => GetConversation(state, context, context.Route("conversationId")));
        app.Handle("GET", "/api/messages/", state, EndpointScope.Identity, context => ListMessages(state, context));
        app.Handle("GET", "/api/messages/{id:long}/", state, EndpointScope.Identity, context => GetMessage(state, context, context.RouteLong("id")));
    }

    private static IResult ListConversations(ServerState state, HttpContext context)
    {
        var unreadOnly = ReadFilter.InboxUnreadOnly(state, context.Request.Query);
        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var conversations = identity.Sms
                .GroupBy(m => m.ConversationId)
                .Select(g => g.ToList())
                .Where(messages => !unreadOnly || messages.Any(m => !m.IsRead))
                .OrderByDescending(messages => messages[^1].Id)
                .Select(messages => (JsonNode)Wire.SmsConversation(identity, messages[0].ConversationId, messages, withMessages: false));
            return Api.Ok(new JsonArray([.. conversations]));
        }
    }

    private static IResult GetConversation(ServerState state, HttpContext context, string conversationId)
    {
        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var messages = identity.Sms.Where(m => m.ConversationId == conversationId).ToList();
            if (messages.Count == 0)
            {
                return Api.NotFound();
            }

            var body = Wire.SmsConversation(identity, conversationId, messages, withMessages: true);
            messages.ForEach(m => m.IsRead = true);
            return Api.Ok(body);
        }
    }

    private static IResult ListMessages(ServerState state, HttpContext context)
    {
        var isRead = ReadFilter.MessagesIsRead(state, context.Request.Query);
        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var messages = Enumerable.Reverse(identity.Sms)
                .Where(m => isRead is null || m.IsRead == isRead)
                .Select(m => (JsonNode)Wire.SmsMessage(m, identity, baseUrl));
            return Api.Ok(new JsonArray([.. messages]));
        }
    }

    private static IResult GetMessage(ServerState state, HttpContext context, long id)
    {
        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            if (state.FindSms(identity, id) is not { } message)
            {
                return Api.NotFound();
            }

            var body = Wire.SmsMessage(message, identity, baseUrl);
            message.IsRead = true;
            return Api.Ok(body);
        }
    }
}
