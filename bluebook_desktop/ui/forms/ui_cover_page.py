# Generated from forms/cover_page.ui by forms/compile_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cover_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateEdit, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_CoverPage(object):
    def setupUi(self, CoverPage):
        if not CoverPage.objectName():
            CoverPage.setObjectName(u"CoverPage")
        self.outer = QVBoxLayout(CoverPage)
        self.outer.setObjectName(u"outer")
        self.intro = QLabel(CoverPage)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.outer.addWidget(self.intro)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(12)
        self.yearLabel = QLabel(CoverPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.grid.addWidget(self.yearLabel, 0, 0, 1, 1)

        self.year = QSpinBox(CoverPage)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)
        self.year.setMinimumSize(QSize(360, 0))
        self.year.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.year, 0, 1, 1, 1)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.grid.addItem(self.rightSpacer, 0, 2, 1, 1)

        self.serialLabel = QLabel(CoverPage)
        self.serialLabel.setObjectName(u"serialLabel")

        self.grid.addWidget(self.serialLabel, 1, 0, 1, 1)

        self.serial = QLineEdit(CoverPage)
        self.serial.setObjectName(u"serial")
        self.serial.setMaxLength(500)
        self.serial.setMinimumSize(QSize(360, 0))
        self.serial.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.serial, 1, 1, 1, 1)

        self.attachmentLabel = QLabel(CoverPage)
        self.attachmentLabel.setObjectName(u"attachmentLabel")

        self.grid.addWidget(self.attachmentLabel, 2, 0, 1, 1)

        self.attachment = QLineEdit(CoverPage)
        self.attachment.setObjectName(u"attachment")
        self.attachment.setMaxLength(500)
        self.attachment.setMinimumSize(QSize(360, 0))
        self.attachment.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.attachment, 2, 1, 1, 1)

        self.titleLabel = QLabel(CoverPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.grid.addWidget(self.titleLabel, 3, 0, 1, 1)

        self.title = QLineEdit(CoverPage)
        self.title.setObjectName(u"title")
        self.title.setMaxLength(500)
        self.title.setMinimumSize(QSize(360, 0))
        self.title.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.title, 3, 1, 1, 1)

        self.editionLabel = QLabel(CoverPage)
        self.editionLabel.setObjectName(u"editionLabel")

        self.grid.addWidget(self.editionLabel, 4, 0, 1, 1)

        self.edition = QLineEdit(CoverPage)
        self.edition.setObjectName(u"edition")
        self.edition.setMaxLength(500)
        self.edition.setMinimumSize(QSize(360, 0))
        self.edition.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.edition, 4, 1, 1, 1)

        self.unitNameLabel = QLabel(CoverPage)
        self.unitNameLabel.setObjectName(u"unitNameLabel")

        self.grid.addWidget(self.unitNameLabel, 5, 0, 1, 1)

        self.unitName = QLineEdit(CoverPage)
        self.unitName.setObjectName(u"unitName")
        self.unitName.setMaxLength(500)
        self.unitName.setMinimumSize(QSize(360, 0))
        self.unitName.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.unitName, 5, 1, 1, 1)

        self.fillerNameLabel = QLabel(CoverPage)
        self.fillerNameLabel.setObjectName(u"fillerNameLabel")

        self.grid.addWidget(self.fillerNameLabel, 6, 0, 1, 1)

        self.fillerName = QLineEdit(CoverPage)
        self.fillerName.setObjectName(u"fillerName")
        self.fillerName.setMaxLength(500)
        self.fillerName.setMinimumSize(QSize(360, 0))
        self.fillerName.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.fillerName, 6, 1, 1, 1)

        self.fillerPositionLabel = QLabel(CoverPage)
        self.fillerPositionLabel.setObjectName(u"fillerPositionLabel")

        self.grid.addWidget(self.fillerPositionLabel, 7, 0, 1, 1)

        self.fillerPosition = QLineEdit(CoverPage)
        self.fillerPosition.setObjectName(u"fillerPosition")
        self.fillerPosition.setMaxLength(500)
        self.fillerPosition.setMinimumSize(QSize(360, 0))
        self.fillerPosition.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.fillerPosition, 7, 1, 1, 1)

        self.phoneLabel = QLabel(CoverPage)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.grid.addWidget(self.phoneLabel, 8, 0, 1, 1)

        self.phone = QLineEdit(CoverPage)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(500)
        self.phone.setMinimumSize(QSize(360, 0))
        self.phone.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.phone, 8, 1, 1, 1)

        self.filledOnLabel = QLabel(CoverPage)
        self.filledOnLabel.setObjectName(u"filledOnLabel")

        self.grid.addWidget(self.filledOnLabel, 9, 0, 1, 1)

        self.filledOnRow = QHBoxLayout()
        self.filledOnRow.setObjectName(u"filledOnRow")
        self.filledOn = QDateEdit(CoverPage)
        self.filledOn.setObjectName(u"filledOn")
        self.filledOn.setCalendarPopup(True)
        self.filledOn.setMinimumSize(QSize(360, 0))
        self.filledOn.setMaximumSize(QSize(560, 16777215))

        self.filledOnRow.addWidget(self.filledOn)

        self.filledOnEmpty = QCheckBox(CoverPage)
        self.filledOnEmpty.setObjectName(u"filledOnEmpty")

        self.filledOnRow.addWidget(self.filledOnEmpty)

        self.todayButton = QPushButton(CoverPage)
        self.todayButton.setObjectName(u"todayButton")

        self.filledOnRow.addWidget(self.todayButton)


        self.grid.addLayout(self.filledOnRow, 9, 1, 1, 1)

        self.issuerLabel = QLabel(CoverPage)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.grid.addWidget(self.issuerLabel, 10, 0, 1, 1)

        self.issuer = QLineEdit(CoverPage)
        self.issuer.setObjectName(u"issuer")
        self.issuer.setMaxLength(500)
        self.issuer.setMinimumSize(QSize(360, 0))
        self.issuer.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.issuer, 10, 1, 1, 1)

        self.issuedOnLabel = QLabel(CoverPage)
        self.issuedOnLabel.setObjectName(u"issuedOnLabel")

        self.grid.addWidget(self.issuedOnLabel, 11, 0, 1, 1)

        self.issuedOn = QDateEdit(CoverPage)
        self.issuedOn.setObjectName(u"issuedOn")
        self.issuedOn.setCalendarPopup(True)
        self.issuedOn.setMinimumSize(QSize(360, 0))
        self.issuedOn.setMaximumSize(QSize(560, 16777215))

        self.grid.addWidget(self.issuedOn, 11, 1, 1, 1)

        self.grid.setColumnStretch(2, 1)

        self.outer.addLayout(self.grid)

        self.problems = QLabel(CoverPage)
        self.problems.setObjectName(u"problems")
        self.problems.setStyleSheet(u"color: #b00020;")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)

        self.outer.addWidget(self.problems)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.year)
        self.serialLabel.setBuddy(self.serial)
        self.attachmentLabel.setBuddy(self.attachment)
        self.titleLabel.setBuddy(self.title)
        self.editionLabel.setBuddy(self.edition)
        self.unitNameLabel.setBuddy(self.unitName)
        self.fillerNameLabel.setBuddy(self.fillerName)
        self.fillerPositionLabel.setBuddy(self.fillerPosition)
        self.phoneLabel.setBuddy(self.phone)
        self.filledOnLabel.setBuddy(self.filledOn)
        self.issuerLabel.setBuddy(self.issuer)
        self.issuedOnLabel.setBuddy(self.issuedOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CoverPage)

        QMetaObject.connectSlotsByName(CoverPage)
    # setupUi

    def retranslateUi(self, CoverPage):
        self.intro.setText(QCoreApplication.translate("CoverPage", u"\u5c01\u9762\u4fe1\u606f\u6309\u6b63\u5f0f\u8868\u683c\u5370\u5728\u7b2c\u4e00\u9875\u3002\u4fee\u6539\u5373\u65f6\u4fdd\u5b58\uff0c\u65e0\u9700\u70b9\u201c\u4fdd\u5b58\u201d\u3002", None))
        self.yearLabel.setText(QCoreApplication.translate("CoverPage", u"\u5e74\u5ea6\uff1a", None))
        self.year.setSuffix(QCoreApplication.translate("CoverPage", u" \u5e74", None))
        self.serialLabel.setText(QCoreApplication.translate("CoverPage", u"\u7f16\u53f7\uff1a", None))
        self.serial.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u7531\u7ee9\u6548\u529e\u586b\u5199\uff0c\u53ef\u7559\u7a7a", None))
        self.attachmentLabel.setText(QCoreApplication.translate("CoverPage", u"\u9644\u4ef6\u6807\u6ce8\uff1a", None))
        self.titleLabel.setText(QCoreApplication.translate("CoverPage", u"\u6807\u9898\uff1a", None))
        self.title.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4f8b\u5982\uff1a\u4f5b\u5c71\u5e02\u4e09\u6c34\u533a\u653f\u534f\u673a\u5173\u7ee9\u6548\u76ee\u6807\u8d23\u4efb\u4e66", None))
        self.editionLabel.setText(QCoreApplication.translate("CoverPage", u"\u7248\u672c\uff08\u5370\u5728\u6807\u9898\u540e\u7684\u62ec\u53f7\u5185\uff09\uff1a", None))
        self.unitNameLabel.setText(QCoreApplication.translate("CoverPage", u"\u5355\u4f4d\u540d\u79f0\uff1a", None))
        self.unitName.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4f8b\u5982\uff1a\u653f\u534f\u4f5b\u5c71\u5e02\u4e09\u6c34\u533a\u59d4\u5458\u4f1a", None))
        self.fillerNameLabel.setText(QCoreApplication.translate("CoverPage", u"\u586b\u8868\u4eba\u59d3\u540d\uff1a", None))
        self.fillerPositionLabel.setText(QCoreApplication.translate("CoverPage", u"\u586b\u8868\u4eba\u804c\u52a1\uff1a", None))
        self.fillerPosition.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4f8b\u5982\uff1a\u653f\u534f\u529e\u516c\u5ba4\u526f\u4e3b\u4efb", None))
        self.phoneLabel.setText(QCoreApplication.translate("CoverPage", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u56fa\u5b9a\u7535\u8bdd\uff08\u5982 0757-87771621\uff09\u6216\u624b\u673a\u53f7\u7801", None))
        self.filledOnLabel.setText(QCoreApplication.translate("CoverPage", u"\u586b\u8868\u65e5\u671f\uff1a", None))
        self.filledOn.setDisplayFormat(QCoreApplication.translate("CoverPage", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.filledOnEmpty.setText(QCoreApplication.translate("CoverPage", u"\u6682\u4e0d\u586b\u5199", None))
        self.todayButton.setText(QCoreApplication.translate("CoverPage", u"\u4eca\u5929", None))
        self.issuerLabel.setText(QCoreApplication.translate("CoverPage", u"\u7f16\u5236\u5355\u4f4d\uff1a", None))
        self.issuer.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4f8b\u5982\uff1a\u4f5b\u5c71\u5e02\u4e09\u6c34\u533a\u7ee9\u6548\u7ba1\u7406\u5de5\u4f5c\u9886\u5bfc\u5c0f\u7ec4\u529e\u516c\u5ba4", None))
        self.issuedOnLabel.setText(QCoreApplication.translate("CoverPage", u"\u7f16\u5236\u5e74\u6708\uff1a", None))
        self.issuedOn.setDisplayFormat(QCoreApplication.translate("CoverPage", u"yyyy\u5e74M\u6708", None))
        pass
    # retranslateUi

