#include "ConditionalRequest.h"

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include "HttpExchange.h"
#include "JsonErrorAnswer.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn {

ConditionalHeaders conditionalHeaders(const HttpRequest &request)
{
    ConditionalHeaders h;
    h.ifMatch = request.header("if-match");
    h.ifNoneMatch = request.header("if-none-match");
    h.ifModifiedSince = request.header("if-modified-since");
    h.ifUnmodifiedSince = request.header("if-unmodified-since");
    h.ifRange = request.header("if-range");
    h.isGetOrHead = request.method == HttpMethod::Get || request.method == HttpMethod::Head;
    return h;
}

bool answerPreconditions(HttpExchange &ex, const Validators &validators,
                         const std::function<void(HttpResponse &)> &stampNotModified)
{
    switch (evaluatePreconditions(conditionalHeaders(ex.request()), validators)) {
    case PreconditionResult::NotModified: {
        HttpResponse r = HttpResponse::empty(304);
        stampNotModified(r);
        ex.respond(r);
        return true;
    }
    case PreconditionResult::PreconditionFailed:
        ex.respond(jsonProtocolAnswer(412, u"precondition failed"_s));
        return true;
    case PreconditionResult::Proceed:
        break;
    }
    return false;
}

} // namespace cairn
