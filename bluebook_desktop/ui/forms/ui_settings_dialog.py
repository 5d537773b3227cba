# Generated from forms/settings_dialog.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
##
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.setMinimumSize(QSize(520, 0))
        self.outer = QVBoxLayout(SettingsDialog)
        self.outer.setObjectName(u"outer")
        self.languageBox = QGroupBox(SettingsDialog)
        self.languageBox.setObjectName(u"languageBox")
        self.languageLayout = QFormLayout(self.languageBox)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLabel = QLabel(self.languageBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.languageBox)
        self.language.setObjectName(u"language")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.languageHint = QLabel(self.languageBox)
        self.languageHint.setObjectName(u"languageHint")

        self.languageLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.languageHint)


        self.outer.addWidget(self.languageBox)

        self.printBox = QGroupBox(SettingsDialog)
        self.printBox.setObjectName(u"printBox")
        self.printLayout = QVBoxLayout(self.printBox)
        self.printLayout.setObjectName(u"printLayout")
        self.landscapeTables = QCheckBox(self.printBox)
        self.landscapeTables.setObjectName(u"landscapeTables")

        self.printLayout.addWidget(self.landscapeTables)

        self.padNames = QCheckBox(self.printBox)
        self.padNames.setObjectName(u"padNames")

        self.printLayout.addWidget(self.padNames)

        self.centredPageNumbers = QCheckBox(self.printBox)
        self.centredPageNumbers.setObjectName(u"centredPageNumbers")

        self.printLayout.addWidget(self.centredPageNumbers)


        self.outer.addWidget(self.printBox)

        self.databaseBox = QGroupBox(SettingsDialog)
        self.databaseBox.setObjectName(u"databaseBox")
        self.databaseLayout = QFormLayout(self.databaseBox)
        self.databaseLayout.setObjectName(u"databaseLayout")
        self.serverLabel = QLabel(self.databaseBox)
        self.serverLabel.setObjectName(u"serverLabel")

        self.databaseLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverLabel)

        self.server = QLineEdit(self.databaseBox)
        self.server.setObjectName(u"server")

        self.databaseLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.server)

        self.serverHint = QLabel(self.databaseBox)
        self.serverHint.setObjectName(u"serverHint")
        self.serverHint.setWordWrap(True)

        self.databaseLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.serverHint)


        self.outer.addWidget(self.databaseBox)

        self.fontsBox = QGroupBox(SettingsDialog)
        self.fontsBox.setObjectName(u"fontsBox")
        self.fontsLayout = QVBoxLayout(self.fontsBox)
        self.fontsLayout.setObjectName(u"fontsLayout")
        self.fonts = QLabel(self.fontsBox)
        self.fonts.setObjectName(u"fonts")
        self.fonts.setWordWrap(True)
        self.fonts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fontsLayout.addWidget(self.fonts)


        self.outer.addWidget(self.fontsBox)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.language)
        self.serverLabel.setBuddy(self.server)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)
        self.buttons.accepted.connect(SettingsDialog.accept)
        self.buttons.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.languageBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u754c\u9762\u8bed\u8a00", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8bed\u8a00\uff1a", None))
        self.languageHint.setText(QCoreApplication.translate("SettingsDialog", u"\u66f4\u6539\u8bed\u8a00\u540e\uff0c\u91cd\u65b0\u542f\u52a8\u7a0b\u5e8f\u751f\u6548\u3002", None))
        self.printBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6253\u5370\u7a3f\uff08PDF\uff09", None))
        self.landscapeTables.setText(QCoreApplication.translate("SettingsDialog", u"\u4efb\u52a1\u8868\u683c\u6a2a\u5411\u6392\u7248\uff08\u5c01\u9762\u4ecd\u4e3a\u7eb5\u5411\uff09", None))
        self.padNames.setText(QCoreApplication.translate("SettingsDialog", u"\u4e24\u5b57\u59d3\u540d\u4e2d\u95f4\u52a0\u7a7a\u683c\u5bf9\u9f50\uff08\u9648\u6653 \u2192 \u9648 \u6653\uff09", None))
        self.centredPageNumbers.setText(QCoreApplication.translate("SettingsDialog", u"\u9875\u7801\u5c45\u4e2d\uff08\u9ed8\u8ba4\u5355\u9875\u9760\u53f3\u3001\u53cc\u9875\u9760\u5de6\uff09", None))
        self.databaseBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u5e93", None))
        self.serverLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u5e93\u670d\u52a1\u5668\uff1a", None))
        self.server.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"postgresql://\u7528\u6237\u540d@\u670d\u52a1\u5668:\u7aef\u53e3/\u6570\u636e\u5e93\u540d", None))
        self.serverHint.setText(QCoreApplication.translate("SettingsDialog", u"\u7559\u7a7a\u5219\u4f7f\u7528\u672c\u673a\u7684\u6570\u636e\u5e93\u6587\u4ef6\u3002\u5bc6\u7801\u4e0d\u5199\u5728\u8fd9\u91cc\uff0c\u8bf7\u5199\u5728 .pgpass \u6587\u4ef6\u4e2d\u3002\u66f4\u6539\u540e\uff0c\u91cd\u65b0\u542f\u52a8\u7a0b\u5e8f\u751f\u6548\u3002", None))
        self.fontsBox.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6253\u5370\u4f7f\u7528\u7684\u5b57\u4f53", None))
    # retranslateUi

