# Generated from forms/texts_page.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'texts_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TextsPage(object):
    def setupUi(self, TextsPage):
        if not TextsPage.objectName():
            TextsPage.setObjectName(u"TextsPage")
        self.outer = QVBoxLayout(TextsPage)
        self.outer.setObjectName(u"outer")
        self.opinionBox = QGroupBox(TextsPage)
        self.opinionBox.setObjectName(u"opinionBox")
        self.opinionLayout = QVBoxLayout(self.opinionBox)
        self.opinionLayout.setObjectName(u"opinionLayout")
        self.headOpinion = QPlainTextEdit(self.opinionBox)
        self.headOpinion.setObjectName(u"headOpinion")
        self.headOpinion.setMaximumSize(QSize(16777215, 120))

        self.opinionLayout.addWidget(self.headOpinion)

        self.opinionButtons = QHBoxLayout()
        self.opinionButtons.setObjectName(u"opinionButtons")
        self.agreeButton = QPushButton(self.opinionBox)
        self.agreeButton.setObjectName(u"agreeButton")

        self.opinionButtons.addWidget(self.agreeButton)

        self.opinionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.opinionButtons.addItem(self.opinionSpacer)


        self.opinionLayout.addLayout(self.opinionButtons)


        self.outer.addWidget(self.opinionBox)

        self.sectionsBox = QGroupBox(TextsPage)
        self.sectionsBox.setObjectName(u"sectionsBox")
        self.sectionsLayout = QFormLayout(self.sectionsBox)
        self.sectionsLayout.setObjectName(u"sectionsLayout")
        self.keyTasksTitleLabel = QLabel(self.sectionsBox)
        self.keyTasksTitleLabel.setObjectName(u"keyTasksTitleLabel")

        self.sectionsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keyTasksTitleLabel)

        self.keyTasksTitle = QLineEdit(self.sectionsBox)
        self.keyTasksTitle.setObjectName(u"keyTasksTitle")
        self.keyTasksTitle.setMaxLength(500)

        self.sectionsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.keyTasksTitle)

        self.keyTasksNoteLabel = QLabel(self.sectionsBox)
        self.keyTasksNoteLabel.setObjectName(u"keyTasksNoteLabel")

        self.sectionsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keyTasksNoteLabel)

        self.keyTasksNote = QPlainTextEdit(self.sectionsBox)
        self.keyTasksNote.setObjectName(u"keyTasksNote")
        self.keyTasksNote.setMaximumSize(QSize(16777215, 90))

        self.sectionsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keyTasksNote)

        self.functionalTasksTitleLabel = QLabel(self.sectionsBox)
        self.functionalTasksTitleLabel.setObjectName(u"functionalTasksTitleLabel")

        self.sectionsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.functionalTasksTitleLabel)

        self.functionalTasksTitle = QLineEdit(self.sectionsBox)
        self.functionalTasksTitle.setObjectName(u"functionalTasksTitle")
        self.functionalTasksTitle.setMaxLength(500)

        self.sectionsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.functionalTasksTitle)

        self.functionalTasksNoteLabel = QLabel(self.sectionsBox)
        self.functionalTasksNoteLabel.setObjectName(u"functionalTasksNoteLabel")

        self.sectionsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.functionalTasksNoteLabel)

        self.functionalTasksNote = QPlainTextEdit(self.sectionsBox)
        self.functionalTasksNote.setObjectName(u"functionalTasksNote")
        self.functionalTasksNote.setMaximumSize(QSize(16777215, 90))

        self.sectionsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.functionalTasksNote)


        self.outer.addWidget(self.sectionsBox)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.keyTasksTitleLabel.setBuddy(self.keyTasksTitle)
        self.keyTasksNoteLabel.setBuddy(self.keyTasksNote)
        self.functionalTasksTitleLabel.setBuddy(self.functionalTasksTitle)
        self.functionalTasksNoteLabel.setBuddy(self.functionalTasksNote)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TextsPage)

        QMetaObject.connectSlotsByName(TextsPage)
    # setupUi

    def retranslateUi(self, TextsPage):
        self.opinionBox.setTitle(QCoreApplication.translate("TextsPage", u"\u5355\u4f4d\u8d1f\u8d23\u4eba\u610f\u89c1", None))
        self.headOpinion.setPlaceholderText(QCoreApplication.translate("TextsPage", u"\u901a\u5e38\u586b\u5199\u201c\u540c\u610f\u201d\u3002\u7b7e\u540d\u548c\u76d6\u7ae0\u5728\u6253\u5370\u7a3f\u4e0a\u624b\u5199\u3001\u76d6\u5370\u3002", None))
        self.agreeButton.setText(QCoreApplication.translate("TextsPage", u"\u586b\u5165\u201c\u540c\u610f\u201d", None))
        self.sectionsBox.setTitle(QCoreApplication.translate("TextsPage", u"\u8868\u683c\u6807\u9898\u4e0e\u8bf4\u660e\uff08\u968f\u5f53\u5e74\u6a21\u677f\uff0c\u4e00\u822c\u65e0\u9700\u4fee\u6539\uff09", None))
        self.keyTasksTitleLabel.setText(QCoreApplication.translate("TextsPage", u"\u7b2c\u4e00\u90e8\u5206\u6807\u9898\uff1a", None))
        self.keyTasksNoteLabel.setText(QCoreApplication.translate("TextsPage", u"\u7b2c\u4e00\u90e8\u5206\u6ce8\uff1a", None))
        self.functionalTasksTitleLabel.setText(QCoreApplication.translate("TextsPage", u"\u7b2c\u4e8c\u90e8\u5206\u6807\u9898\uff1a", None))
        self.functionalTasksNoteLabel.setText(QCoreApplication.translate("TextsPage", u"\u7b2c\u4e8c\u90e8\u5206\u6ce8\uff1a", None))
        pass
    # retranslateUi

