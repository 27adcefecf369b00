#include "PresetsTab.h"

#include "PresetEditorKind.h"
#include "PresetEditorPane.h"
#include "PresetsTabForm.h"
#include "PresetsTabTrial.h"
#include "VideoPresetForm.h"

#include "catalog/TrackRepository.h"
#include "transcode/PresetRules.h"
#include "transcode/TranscodeService.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace cairn {
namespace {
constexpr int kTrackChoices = 500;
} // namespace

PresetsTab::PresetsTab(TranscodeService &service, const Database &db, std::function<void(int)> setCacheMiB,
                       QWidget *parent)
    : QWidget(parent), m_service(service), m_db(db), m_setCacheMiB(std::move(setCacheMiB))
{
    m_trial = new PresetsTabTrial(service.settings().ffmpegProgram, this);
    connect(m_trial, &PresetsTabTrial::finished, this, &PresetsTab::onTrialFinished);

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_form = new PresetsTabForm;
    m_audioPane = new PresetEditorPane(
        tr("Transcoding presets"), std::make_unique<PresetEditorFor<PresetsTabForm>>(service.presets(), m_form));
    connect(m_audioPane, &PresetEditorPane::message, this, &PresetsTab::showMessage);
    m_videoForm = new VideoPresetForm;
    m_videoPane = new PresetEditorPane(
        tr("Video (HLS) presets"),
        std::make_unique<PresetEditorFor<VideoPresetForm>>(service.videoPresets(), m_videoForm));
    connect(m_videoPane, &PresetEditorPane::message, this, &PresetsTab::showMessage);

    auto *side = new QVBoxLayout;
    side->addWidget(buildTryPane());
    side->addWidget(buildCachePane());
    side->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_audioPane, 2);
    top->addLayout(side, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_videoPane);
    layout->addWidget(m_message);
    layout->addStretch();
}

PresetsTab::~PresetsTab() = default;

QWidget *PresetsTab::buildTryPane()
{
    auto *box = new QGroupBox(tr("Try the preset"));
    auto *layout = new QVBoxLayout(box);
    m_tracks = new QComboBox;
    for (const Track &t : TrackRepository(m_db).list(0, kTrackChoices).items) {
        if (t.kind == MediaKind::Audio)
            m_tracks->addItem(t.title.isEmpty() ? QFileInfo(t.path).fileName() : t.title, t.id);
    }
    m_tryButton = new QPushButton(tr("Try %1 seconds").arg(PresetsTabTrial::kSeconds));
    connect(m_tryButton, &QPushButton::clicked, this, &PresetsTab::tryCurrent);
    m_trialResult = new QLabel;
    layout->addWidget(m_tracks);
    layout->addWidget(m_tryButton, 0, Qt::AlignLeft);
    layout->addWidget(m_trialResult);
    return box;
}

QWidget *PresetsTab::buildCachePane()
{
    auto *box = new QGroupBox(tr("Transcode cache"));
    auto *layout = new QHBoxLayout(box);
    m_cacheMiB = new QSpinBox;
    m_cacheMiB->setRange(0, 1024 * 1024);
    m_cacheMiB->setSuffix(tr(" MiB"));
    m_cacheMiB->setSpecialValueText(tr("off"));
    m_cacheMiB->setValue(int(m_service.cache().maxBytes() >> 20));
    connect(m_cacheMiB, &QSpinBox::editingFinished, this, [this] {
        if (m_setCacheMiB)
            m_setCacheMiB(m_cacheMiB->value());
        refreshCacheUsage();
    });
    auto *clear = new QPushButton(tr("Clear"));
    connect(clear, &QPushButton::clicked, this, [this] {
        m_service.cache().clear();
        refreshCacheUsage();
    });
    m_cacheUsage = new QLabel;
    layout->addWidget(new QLabel(tr("Size limit")));
    layout->addWidget(m_cacheMiB);
    layout->addWidget(m_cacheUsage, 1);
    layout->addWidget(clear);
    refreshCacheUsage();
    return box;
}

void PresetsTab::refreshCacheUsage()
{
    m_cacheUsage->setText(tr("%1 in %n file(s)", nullptr, m_service.cache().entryCount())
                              .arg(QLocale().formattedDataSize(m_service.cache().totalBytes())));
}

void PresetsTab::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void PresetsTab::tryCurrent()
{
    const Preset preset = m_form->preset();
    if (const auto error = presetError(preset))
        return showMessage(*error, true);
    const auto track = TrackRepository(m_db).find(m_tracks->currentData().toLongLong());
    if (!track)
        return showMessage(tr("Choose a track to try the preset on."), true);
    if (m_player)
        m_player->stop();
    m_tryButton->setEnabled(false);
    m_trialResult->setText(tr("Transcoding…"));
    m_trial->start(*track, preset);
}

void PresetsTab::onTrialFinished(const TrialResult &result)
{
    m_tryButton->setEnabled(true);
    if (!result.error.isEmpty()) {
        m_trialResult->setText(tr("Failed: %1").arg(result.error));
        Q_EMIT trialFinished(m_trialResult->text());
        return;
    }
    m_trialResult->setText(tr("%1 for %2 s: %3 kbit/s")
                               .arg(QLocale().formattedDataSize(result.bytes))
                               .arg(result.seconds, 0, 'f', 1)
                               .arg(result.kbps, 0, 'f', 0));
    if (m_playTrials) {
        if (!m_player) {
            m_player = new QMediaPlayer(this);
            m_audio = new QAudioOutput(this);
            m_player->setAudioOutput(m_audio);
        }
        m_player->setSource(QUrl::fromLocalFile(result.path));
        m_player->play();
    }
    Q_EMIT trialFinished(m_trialResult->text());
}

} // namespace cairn
