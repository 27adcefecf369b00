#pragma once
// The words for a media ask that cannot be served, in one place for the query reader and the
// planner: each names the parameter and lists what is allowed.

#include "transcode/OutputFormat.h"

#include <QString>
#include <QStringList>

namespace cairn::ask {

QString eitherPresetOrFormat(const QStringList &presetNames);
QString bitrateWithPreset();
QString unknownPreset(const QStringList &presetNames);
QString unknownFormat();
QString badBitrate(OutputFormat format);
// `limitSeconds`: the track's duration (or the bound used when it is unknown).
QString badOffset(double limitSeconds);

} // namespace cairn::ask
