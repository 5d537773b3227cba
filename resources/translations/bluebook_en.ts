<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>关于</source>
      <translation>About</translation>
    </message>
    <message>
      <source>版本 %1</source>
      <translation>Version %1</translation>
    </message>
    <message>
      <source>数据文件夹：%1</source>
      <translation>Data folder: %1</translation>
    </message>
    <message>
      <source>数据库：%1</source>
      <translation>Database: %1</translation>
    </message>
    <message>
      <source>打开数据文件夹</source>
      <translation>Open data folder</translation>
    </message>
    <message>
      <source>随程序提供的组件：</source>
      <translation>Components included with the program:</translation>
    </message>
    <message>
      <source>（许可证文件缺失：%1）</source>
      <translation>(Licence file missing: %1)</translation>
    </message>
  </context>
  <context>
    <name>BookActions</name>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>以上一年度为基础新建</source>
      <translation>New from last year</translation>
    </message>
    <message>
      <source>以哪一本蓝皮书为基础新建 %1 年度的蓝皮书？</source>
      <translation>Which book should the new %1 book be based on?</translation>
    </message>
    <message>
      <source>当前蓝皮书：%1</source>
      <translation>Current book: %1</translation>
    </message>
    <message>
      <source>从文件选择…</source>
      <translation>Choose a file…</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>选择上一年度的蓝皮书文件或 Word 文件</source>
      <translation>Choose last year's book file or Word file</translation>
    </message>
    <message>
      <source>已新建 %1 年度蓝皮书：请核对封面，填写填表日期。</source>
      <translation>New %1 book created. Please check the cover and enter the date filled.</translation>
    </message>
    <message>
      <source>删除蓝皮书</source>
      <translation>Delete book</translation>
    </message>
    <message>
      <source>确定删除“%1”吗？删除后无法恢复（可从备份恢复）。</source>
      <translation>Delete “%1”? This cannot be undone (except by restoring a backup).</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>导入蓝皮书文件或 Word 文件</source>
      <translation>Import a book file or Word file</translation>
    </message>
    <message>
      <source>无法导入</source>
      <translation>Cannot import</translation>
    </message>
    <message>
      <source>已有同一本蓝皮书</source>
      <translation>This book is already here</translation>
    </message>
    <message>
      <source>已有 %1 年“%2”的蓝皮书。要用导入的内容替换它，还是两本都保留？</source>
      <translation>There is already a %1 book of “%2”. Replace it with the imported one, or keep both?</translation>
    </message>
    <message>
      <source>（未填单位）</source>
      <translation>(no unit)</translation>
    </message>
    <message>
      <source>替换</source>
      <translation>Replace</translation>
    </message>
    <message>
      <source>两本都保留</source>
      <translation>Keep both</translation>
    </message>
    <message>
      <source>蓝皮书文件、蓝皮书包或 Word 文件 (*.bluebook.json *.json *.bluebook.zip *.zip *.docx *.doc);;所有文件 (*)</source>
      <translation>Bluebook files, packages or Word files (*.bluebook.json *.json *.bluebook.zip *.zip *.docx *.doc);;All files (*)</translation>
    </message>
    <message>
      <source>从 Word 文件读到的内容</source>
      <translation>Read from the Word file</translation>
    </message>
    <message>
      <source>请核对从 Word 文件中读到的内容，确认后新建蓝皮书。</source>
      <translation>Please check what was read from the Word file, then create the book.</translation>
    </message>
    <message>
      <source>新建蓝皮书</source>
      <translation>Create book</translation>
    </message>
    <message>
      <source>文件被占用</source>
      <translation>File in use</translation>
    </message>
    <message>
      <source>另存为其他文件名…</source>
      <translation>Save under another name…</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>已导出：%1</source>
      <translation>Exported: %1</translation>
    </message>
    <message>
      <source>导出蓝皮书文件</source>
      <translation>Export book file</translation>
    </message>
    <message>
      <source>蓝皮书文件 (*.bluebook.json)</source>
      <translation>Book files (*.bluebook.json)</translation>
    </message>
    <message>
      <source>导出蓝皮书包</source>
      <translation>Export bluebook package</translation>
    </message>
    <message>
      <source>蓝皮书包 (*.bluebook.zip)</source>
      <translation>Bluebook package (*.bluebook.zip)</translation>
    </message>
    <message>
      <source>字体无法使用</source>
      <translation>Font cannot be used</translation>
    </message>
    <message>
      <source>打印前请核对</source>
      <translation>Check before printing</translation>
    </message>
    <message>
      <source>以下内容还没有填完整：
%1

仍要继续吗？</source>
      <translation>These items are not filled in yet:
%1

Continue anyway?</translation>
    </message>
    <message>
      <source>继续</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>返回修改</source>
      <translation>Go back and edit</translation>
    </message>
    <message>
      <source>有字符无法打印</source>
      <translation>Some characters cannot be printed</translation>
    </message>
    <message>
      <source>以下字符在字体中没有，打印时会显示为方框“□”：
%1

仍要继续吗？</source>
      <translation>These characters are not in the font and will print as a box “□”:
%1

Continue anyway?</translation>
    </message>
    <message>
      <source>导出 PDF</source>
      <translation>Export PDF</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>（字体：%1）</source>
      <translation> (fonts: %1)</translation>
    </message>
    <message>
      <source>导出 Word</source>
      <translation>Export Word</translation>
    </message>
    <message>
      <source>Word 文件 (*.docx)</source>
      <translation>Word files (*.docx)</translation>
    </message>
    <message>
      <source>无法生成打印稿</source>
      <translation>Cannot create the printout</translation>
    </message>
  </context>
  <context>
    <name>BookListModel</name>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>单位名称</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>修改时间</source>
      <translation>Modified</translation>
    </message>
    <message>
      <source>（未填单位）</source>
      <translation>(no unit name)</translation>
    </message>
    <message>
      <source>（较早）</source>
      <translation>(earlier)</translation>
    </message>
    <message>
      <source>本程序更新前最后修改</source>
      <translation>Last changed before this version of the program</translation>
    </message>
  </context>
  <context>
    <name>CollectDialog</name>
    <message>
      <source>重新报送？</source>
      <translation>Resubmitted?</translation>
    </message>
    <message>
      <source>已有“%1”%2 年的蓝皮书（编号 %3）。收到的文件是否是重新报送的版本，替换原来的版本？</source>
      <translation>There is already a %2 book of “%1” (number %3). Is the file received a resubmission, to replace the earlier version?</translation>
    </message>
    <message>
      <source>被替换的版本会另存一份，不会丢失。</source>
      <translation>The replaced version is kept in a file, not lost.</translation>
    </message>
    <message>
      <source>替换</source>
      <translation>Replace</translation>
    </message>
    <message>
      <source>全部替换</source>
      <translation>Replace All</translation>
    </message>
    <message>
      <source>跳过</source>
      <translation>Skip</translation>
    </message>
    <message>
      <source>正在读取文件…</source>
      <translation>Reading the files…</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>收集蓝皮书</source>
      <translation>Collecting Books</translation>
    </message>
    <message>
      <source>已处理 %1 个文件：%2</source>
      <translation>%1 files done: %2</translation>
    </message>
    <message>
      <source>共 %1 个文件：导入 %2，替换 %3，未导入 %4。</source>
      <translation>%1 files: %2 imported, %3 replaced, %4 not imported.</translation>
    </message>
    <message>
      <source>被替换的版本保存在 %1。</source>
      <translation>The replaced versions are kept in %1.</translation>
    </message>
    <message>
      <source>收集已取消：其余文件没有读取。</source>
      <translation>Collecting was cancelled: the other files were not read.</translation>
    </message>
    <message>
      <source>收集结果</source>
      <translation>Collected</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>另存为文本…</source>
      <translation>Save as Text…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>保存收集结果</source>
      <translation>Save the Report</translation>
    </message>
    <message>
      <source>收集结果.txt</source>
      <translation>collected.txt</translation>
    </message>
    <message>
      <source>文本文件 (*.txt)</source>
      <translation>Text files (*.txt)</translation>
    </message>
    <message>
      <source>无法写入文件（%1）。</source>
      <translation>Cannot write the file (%1).</translation>
    </message>
    <message>
      <source>保存失败</source>
      <translation>Saving Failed</translation>
    </message>
  </context>
  <context>
    <name>CollectionActions</name>
    <message>
      <source>收集与汇总…</source>
      <translation>Collection and Summary…</translation>
    </message>
  </context>
  <context>
    <name>CollectionTiles</name>
    <message>
      <source>未报送</source>
      <translation>Not submitted</translation>
    </message>
    <message>
      <source>已报送</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <source>已定稿</source>
      <translation>Finalized</translation>
    </message>
    <message>
      <source>%1 处问题</source>
      <translation>%1 problems</translation>
    </message>
    <message>
      <source>第一季度</source>
      <translation>Q1</translation>
    </message>
    <message>
      <source>第二季度</source>
      <translation>Q2</translation>
    </message>
    <message>
      <source>第三季度</source>
      <translation>Q3</translation>
    </message>
    <message>
      <source>第四季度</source>
      <translation>Q4</translation>
    </message>
    <message>
      <source>有任务滞后</source>
      <translation>Some task late</translation>
    </message>
    <message>
      <source>有任务进行中或待报</source>
      <translation>Some task under way or due</translation>
    </message>
    <message>
      <source>按进度</source>
      <translation>On schedule</translation>
    </message>
    <message>
      <source>未开始或未填报</source>
      <translation>Not begun or not reported</translation>
    </message>
    <message>
      <source>单位：</source>
      <translation>Units:</translation>
    </message>
    <message>
      <source>季度（四个小方块依次为第一至第四季度）：</source>
      <translation>Quarters (the four small squares, Q1 to Q4):</translation>
    </message>
  </context>
  <context>
    <name>CollectionWindow</name>
    <message>
      <source>收集与汇总</source>
      <translation>Collection and Summary</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>筛选：单位、检查发现…</source>
      <translation>Filter: unit, findings…</translation>
    </message>
    <message>
      <source>全部单位</source>
      <translation>All units</translation>
    </message>
    <message>
      <source>只看有问题的</source>
      <translation>Only those with problems</translation>
    </message>
    <message>
      <source>只看未报送</source>
      <translation>Only those not submitted</translation>
    </message>
    <message>
      <source>收集文件…</source>
      <translation>Collect Files…</translation>
    </message>
    <message>
      <source>读取各单位报送的文件：文件夹、压缩包或文件（也可直接拖到本窗口）</source>
      <translation>Read the files the units sent: a folder, a zip or files (or drop them on this window)</translation>
    </message>
    <message>
      <source>文件夹…</source>
      <translation>Folder…</translation>
    </message>
    <message>
      <source>文件或压缩包…</source>
      <translation>Files or Zip…</translation>
    </message>
    <message>
      <source>应报送单位…</source>
      <translation>Expected Units…</translation>
    </message>
    <message>
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>打印当前显示的各单位（按当前的筛选和排序）</source>
      <translation>Print the units shown (as filtered and sorted)</translation>
    </message>
    <message>
      <source>打印汇总表…</source>
      <translation>Print Summary…</translation>
    </message>
    <message>
      <source>打印该年度各单位的全部任务</source>
      <translation>Print every task of every unit of the year</translation>
    </message>
    <message>
      <source>导出汇总表…</source>
      <translation>Export Summary…</translation>
    </message>
    <message>
      <source>年度：</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source>选中一个单位，这里列出检查发现。按 F5 重新读取各单位的蓝皮书。</source>
      <translation>Choose a unit to list its findings here. F5 reads the units' books again.</translation>
    </message>
    <message>
      <source>表格</source>
      <translation>Table</translation>
    </message>
    <message>
      <source>全年一览</source>
      <translation>Year at a Glance</translation>
    </message>
    <message>
      <source>%1 年度</source>
      <translation>%1</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot Save</translation>
    </message>
    <message>
      <source>无法读取</source>
      <translation>Cannot Read</translation>
    </message>
    <message>
      <source>共 %1 个单位：已报送 %2（已定稿 %3），未报送 %4；有问题 %5。</source>
      <translation>%1 units: %2 submitted (%3 finalized), %4 not submitted; %5 with problems.</translation>
    </message>
    <message>
      <source>%1：未报送。</source>
      <translation>%1: not submitted.</translation>
    </message>
    <message>
      <source>报送时间：%1</source>
      <translation>Submitted: %1</translation>
    </message>
    <message>
      <source>；定稿：%1</source>
      <translation>; finalized: %1</translation>
    </message>
    <message>
      <source>未报进展：%1</source>
      <translation>Reports not made: %1</translation>
    </message>
    <message>
      <source>没有检查发现。</source>
      <translation>No findings.</translation>
    </message>
    <message>
      <source>选择各单位报送文件所在的文件夹</source>
      <translation>Choose the folder of the units' files</translation>
    </message>
    <message>
      <source>选择各单位报送的文件</source>
      <translation>Choose the units' files</translation>
    </message>
    <message>
      <source>蓝皮书文件、压缩包或 Word 文件 (*.bluebook.json *.json *.bluebook.zip *.zip *.docx *.doc);;所有文件 (*)</source>
      <translation>Book files, zips or Word files (*.bluebook.json *.json *.bluebook.zip *.zip *.docx *.doc);;All files (*)</translation>
    </message>
    <message>
      <source>有字符无法打印</source>
      <translation>Characters Cannot Be Printed</translation>
    </message>
    <message>
      <source>以下字符在字体中没有，打印时会显示为方框“□”：
%1

仍要继续吗？</source>
      <translation>The fonts lack these characters; they will print as boxes “□”:
%1

Continue anyway?</translation>
    </message>
    <message>
      <source>继续</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>无法生成打印稿</source>
      <translation>Cannot Make the Printout</translation>
    </message>
    <message>
      <source>无法打印</source>
      <translation>Cannot Print</translation>
    </message>
    <message>
      <source>这一年度还没有收到蓝皮书，没有可汇总的内容。</source>
      <translation>No books of this year have been received yet: there is nothing to summarize.</translation>
    </message>
    <message>
      <source>无法导出</source>
      <translation>Cannot Export</translation>
    </message>
    <message>
      <source>%1年度绩效目标责任书汇总表</source>
      <translation>%1 performance target summary</translation>
    </message>
    <message>
      <source>导出汇总表</source>
      <translation>Export Summary</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>导出失败</source>
      <translation>Export Failed</translation>
    </message>
    <message>
      <source>无法写入文件（%1）。</source>
      <translation>Cannot write the file (%1).</translation>
    </message>
    <message>
      <source>已导出：%1</source>
      <translation>Exported: %1</translation>
    </message>
  </context>
  <context>
    <name>CoverPage</name>
    <message>
      <source>未填写</source>
      <translation>Not set</translation>
    </message>
    <message>
      <source>修改%1</source>
      <translation>Change %1</translation>
    </message>
    <message>
      <source>封面信息按正式表格印在第一页。修改即时保存，无需点“保存”。</source>
      <translation>The cover is printed on the first page, as on the official form. Changes are saved at once; there is no need to click “Save”.</translation>
    </message>
    <message>
      <source>年度：</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source> 年</source>
      <translation> </translation>
    </message>
    <message>
      <source>编号：</source>
      <translation>Serial no.:</translation>
    </message>
    <message>
      <source>由绩效办填写，可留空</source>
      <translation>Filled in by the performance office; may be left blank</translation>
    </message>
    <message>
      <source>附件标注：</source>
      <translation>Attachment label:</translation>
    </message>
    <message>
      <source>标题：</source>
      <translation>Title:</translation>
    </message>
    <message>
      <source>例如：佛山市三水区政协机关绩效目标责任书</source>
      <translation>e.g. 佛山市三水区政协机关绩效目标责任书</translation>
    </message>
    <message>
      <source>版本（印在标题后的括号内）：</source>
      <translation>Edition (in brackets):</translation>
    </message>
    <message>
      <source>单位名称：</source>
      <translation>Unit name:</translation>
    </message>
    <message>
      <source>例如：政协佛山市三水区委员会</source>
      <translation>e.g. 政协佛山市三水区委员会</translation>
    </message>
    <message>
      <source>填表人姓名：</source>
      <translation>Filled in by:</translation>
    </message>
    <message>
      <source>填表人职务：</source>
      <translation>Position:</translation>
    </message>
    <message>
      <source>例如：政协办公室副主任</source>
      <translation>e.g. 政协办公室副主任</translation>
    </message>
    <message>
      <source>联系电话：</source>
      <translation>Phone:</translation>
    </message>
    <message>
      <source>固定电话（如 0757-87771621）或手机号码</source>
      <translation>Landline (e.g. 0757-87771621) or mobile number</translation>
    </message>
    <message>
      <source>填表日期：</source>
      <translation>Date filled:</translation>
    </message>
    <message>
      <source>yyyy年M月d日</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <source>暂不填写</source>
      <translation>Leave blank</translation>
    </message>
    <message>
      <source>今天</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>编制单位：</source>
      <translation>Issued by:</translation>
    </message>
    <message>
      <source>例如：佛山市三水区绩效管理工作领导小组办公室</source>
      <translation>e.g. 佛山市三水区绩效管理工作领导小组办公室</translation>
    </message>
    <message>
      <source>编制年月：</source>
      <translation>Issue month:</translation>
    </message>
    <message>
      <source>yyyy年M月</source>
      <translation>MMM yyyy</translation>
    </message>
  </context>
  <context>
    <name>EvidencePanel</name>
    <message>
      <source>佐证材料</source>
      <extracomment>Records of files accepted and stored, to be added to the selected row. The record the clerk removed from the selected row. The last file written for the system viewer (for the clerk: where it is). Hands a file to the system's viewer.</extracomment>
      <translation>Supporting file</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>可把文件拖到这里或拖到上面的任务行上。</source>
      <translation>Files can be dropped here or on a task row above.</translation>
    </message>
    <message>
      <source>添加…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>添加佐证材料</source>
      <translation>Add supporting files</translation>
    </message>
    <message>
      <source>佐证材料 (*.pdf *.jpg *.jpeg *.png *.ofd *.docx *.xlsx);;所有文件 (*)</source>
      <translation>Supporting files (*.pdf *.jpg *.jpeg *.png *.ofd *.docx *.xlsx);;All files (*)</translation>
    </message>
    <message>
      <source>无法读取文件 {0}：{1}</source>
      <translation>Cannot read the file {0}: {1}</translation>
    </message>
    <message>
      <source>“{0}”没能存入数据库：{1}</source>
      <translation>“{0}” could not be stored in the database: {1}</translation>
    </message>
    <message>
      <source>以下 {0} 个文件没有添加：</source>
      <translation>These {0} files were not added:</translation>
    </message>
    <message>
      <source>无法打开“{0}”：{1}</source>
      <translation>Cannot open “{0}”: {1}</translation>
    </message>
  </context>
  <context>
    <name>LivePreview</name>
    <message>
      <source>双击放大阅读、打印</source>
      <translation>Double-click to read it larger or print it</translation>
    </message>
    <message>
      <source>……等 %1 项</source>
      <translation>… %1 in all</translation>
    </message>
    <message>
      <source>第 %1 页 / 共 %2 页</source>
      <translation>Page %1 of %2</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>撤销</source>
      <extracomment>Today's date, for the pace lights and what is due (a test sets a day of its own).</extracomment>
      <translation>Undo</translation>
    </message>
    <message>
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>封面信息</source>
      <translation>Cover</translation>
    </message>
    <message>
      <source>重点工作/改革任务</source>
      <translation>Key / reform tasks</translation>
    </message>
    <message>
      <source>职能工作任务</source>
      <translation>Functional tasks</translation>
    </message>
    <message>
      <source>单位负责人意见</source>
      <translation>Head's opinion</translation>
    </message>
    <message>
      <source>进展填报</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>年度自评</source>
      <translation>Self-review</translation>
    </message>
    <message>
      <source>页面预览</source>
      <translation>Page Preview</translation>
    </message>
    <message>
      <source>在编辑区旁显示打印稿（F9）</source>
      <translation>Show the printout beside the editors (F9)</translation>
    </message>
    <message>
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>正在保存…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>最近的修改没能写入数据库。现在关闭会丢失这些修改。
建议先点“取消”，再用“导出蓝皮书文件”把内容另存一份。</source>
      <translation>Your latest changes could not be written to the database. Closing now will lose them.
Please click “Cancel” first, then use “Export book file” to save a copy.</translation>
    </message>
    <message>
      <source>最近的修改没能写入数据库，已另存在：
%1
现在关闭，数据库中仍是修改前的版本；以后可以用“导入”打开这个文件。</source>
      <translation>The latest changes could not be written to the database; they are kept in:
%1
If you close now, the database keeps the version before them; you can open that file later with “Import…”.</translation>
    </message>
    <message>
      <source>尚未保存</source>
      <translation>Not saved yet</translation>
    </message>
    <message>
      <source>绩效目标责任书填报</source>
      <translation>Performance Target Book</translation>
    </message>
    <message>
      <source>蓝皮书列表</source>
      <translation>Books</translation>
    </message>
    <message>
      <source>新建</source>
      <translation>New</translation>
    </message>
    <message>
      <source>以上一年度为基础新建</source>
      <translation>New from last year</translation>
    </message>
    <message>
      <source>导入…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>导出…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>还没有打开的蓝皮书。
请点击左侧“新建”，或“导入…”去年的蓝皮书文件或 Word 文件。</source>
      <translation>No book is open.
Click “New” on the left, or “Import…” last year's book file or Word file.</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>工具(&amp;T)</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>新建蓝皮书(&amp;N)</source>
      <translation>&amp;New book</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>以上一年度为基础新建…</source>
      <translation>New from last year…</translation>
    </message>
    <message>
      <source>导入(&amp;I)…</source>
      <translation>&amp;Import…</translation>
    </message>
    <message>
      <source>导入蓝皮书文件（.bluebook.json）、蓝皮书包（.bluebook.zip）或 Word 文件（.docx）</source>
      <translation>Import a bluebook file (.bluebook.json), a bluebook package (.bluebook.zip) or a Word file (.docx)</translation>
    </message>
    <message>
      <source>Ctrl+O</source>
      <translation>Ctrl+O</translation>
    </message>
    <message>
      <source>导出蓝皮书文件…</source>
      <translation>Export book file…</translation>
    </message>
    <message>
      <source>导出蓝皮书包（含佐证材料）…</source>
      <translation>Export bluebook package (with supporting files)…</translation>
    </message>
    <message>
      <source>蓝皮书与全部佐证材料打包为一个 .bluebook.zip 文件，交给他人导入</source>
      <translation>The book and all its supporting files in one .bluebook.zip file, for someone else to import</translation>
    </message>
    <message>
      <source>导出 PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>Ctrl+E</source>
      <translation>Ctrl+E</translation>
    </message>
    <message>
      <source>导出 Word…</source>
      <translation>Export Word…</translation>
    </message>
    <message>
      <source>打印预览…</source>
      <translation>Print preview…</translation>
    </message>
    <message>
      <source>打印(&amp;P)…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>Ctrl+P</source>
      <translation>Ctrl+P</translation>
    </message>
    <message>
      <source>立即保存(&amp;S)</source>
      <translation>&amp;Save now</translation>
    </message>
    <message>
      <source>Ctrl+S</source>
      <translation>Ctrl+S</translation>
    </message>
    <message>
      <source>备份(&amp;B)…</source>
      <translation>&amp;Back up…</translation>
    </message>
    <message>
      <source>把全部蓝皮书复制一份（例如存到 U 盘）</source>
      <translation>Copy all books to a backup file (for example on a USB stick)</translation>
    </message>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from backup…</translation>
    </message>
    <message>
      <source>退出(&amp;X)</source>
      <translation>E&amp;xit</translation>
    </message>
    <message>
      <source>Ctrl+Q</source>
      <translation>Ctrl+Q</translation>
    </message>
    <message>
      <source>设置…</source>
      <translation>Settings…</translation>
    </message>
    <message>
      <source>关于…</source>
      <translation>About…</translation>
    </message>
  </context>
  <context>
    <name>PlanActions</name>
    <message>
      <source>定稿…</source>
      <translation>Finalize…</translation>
    </message>
    <message>
      <source>把现在的打印稿作为送签的定稿保存</source>
      <translation>Keep the printout as it is now as the copy signed</translation>
    </message>
    <message>
      <source>打印定稿原件…</source>
      <translation>Print the Signed Original…</translation>
    </message>
    <message>
      <source>按定稿时保存的打印稿原样预览、打印</source>
      <translation>Preview and print the printout kept at finalizing, exactly as it was</translation>
    </message>
    <message>
      <source>开始新的目标调整</source>
      <translation>Start a New Adjustment</translation>
    </message>
    <message>
      <source>下一次修改目标时重新询问调整理由，记为另一次调整</source>
      <translation>Ask for a reason again at the next change to the plan, and record it as another adjustment</translation>
    </message>
    <message>
      <source>已定稿</source>
      <translation>Finalized</translation>
    </message>
    <message>
      <source>未定稿</source>
      <translation>Not finalized</translation>
    </message>
    <message>
      <source>%1 定稿</source>
      <translation>Finalized on %1</translation>
    </message>
    <message>
      <source>打印送签时选择“定稿”</source>
      <translation>Choose “Finalize” when printing the copy for signature</translation>
    </message>
    <message>
      <source>本责任书已于 %1定稿。修改目标将记入目标调整情况。</source>
      <translation>This book was finalized on %1. Changes to the plan will be recorded as adjustments.</translation>
    </message>
    <message>
      <source>定稿</source>
      <translation>Finalize</translation>
    </message>
    <message>
      <source>定稿后，按现在的内容和打印设置生成的打印稿作为送签的原件保存，以后可用“打印定稿原件”原样打印。
此后对目标（封面、任务、进度安排、负责人意见）的修改须写明理由，记入目标调整情况。

确定定稿吗？</source>
      <translation>Finalizing keeps the printout made now, with the current contents and print settings, as the original for signature; “Print the Signed Original” prints it exactly as it was.
After that, every change to the plan (cover, tasks, schedule, the head's opinion) needs a reason and is recorded as an adjustment.

Finalize now?</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>这是送签的定稿吗？</source>
      <translation>Is this the copy for signature?</translation>
    </message>
    <message>
      <source>选“是”，刚才的打印稿作为定稿原件保存；此后修改目标须写明理由，记入目标调整情况。以后也可在“文件 → 定稿…”中定稿。</source>
      <translation>Choose “Yes” to keep this printout as the signed original; later changes to the plan then need a reason and are recorded as adjustments. You can also finalize later with File → Finalize….</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>无法定稿</source>
      <translation>Cannot finalize</translation>
    </message>
    <message>
      <source>已定稿：定稿原件已保存，此后修改目标将记入目标调整情况。</source>
      <translation>Finalized: the signed original is kept; changes to the plan will now be recorded as adjustments.</translation>
    </message>
    <message>
      <source>无法打开定稿原件</source>
      <translation>Cannot open the signed original</translation>
    </message>
    <message>
      <source>定稿原件：%1</source>
      <translation>Signed original: %1</translation>
    </message>
    <message>
      <source>下一次修改目标时将询问新的调整理由。</source>
      <translation>The next change to the plan will ask for a new reason.</translation>
    </message>
  </context>
  <context>
    <name>PreviewController</name>
    <message>
      <source>正在更新…</source>
      <translation>Updating…</translation>
    </message>
    <message>
      <source>预览生成失败</source>
      <translation>The preview could not be made</translation>
    </message>
    <message>
      <source>以下字符在字体中没有，打印时会显示为方框“□”：%1</source>
      <translation>These characters are in no font and print as a box “□”: %1</translation>
    </message>
  </context>
  <context>
    <name>PreviewDialog</name>
    <message>
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>缩放（Ctrl+加号放大，Ctrl+减号缩小）</source>
      <translation>Zoom (Ctrl+Plus zooms in, Ctrl+Minus zooms out)</translation>
    </message>
    <message>
      <source>适合宽度</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <source>适合页面</source>
      <translation>Fit page</translation>
    </message>
    <message>
      <source>第 %1 页 / 共 %2 页</source>
      <translation>Page %1 of %2</translation>
    </message>
  </context>
  <context>
    <name>ProgressPage</name>
    <message>
      <source>季度：</source>
      <extracomment>The clerk chose another quarter.</extracomment>
      <translation>Quarter:</translation>
    </message>
    <message>
      <source>{0}进展 {1}前报送。</source>
      <translation>The {0} report is due by {1}.</translation>
    </message>
    <message>
      <source>修改进度</source>
      <translation>Change the status</translation>
    </message>
    <message>
      <source>修改完成情况</source>
      <translation>Change what was done</translation>
    </message>
    <message>
      <source>修改完成值</source>
      <translation>Change the value reached</translation>
    </message>
    <message>
      <source>修改存在问题</source>
      <translation>Change the problems</translation>
    </message>
    <message>
      <source>修改下步措施</source>
      <translation>Change the next steps</translation>
    </message>
    <message>
      <source>修改佐证材料</source>
      <translation>Change the supporting files</translation>
    </message>
    <message>
      <source>修改进展</source>
      <translation>Change the progress report</translation>
    </message>
    <message>
      <source>（未填工作任务）</source>
      <translation>(task not named)</translation>
    </message>
    <message>
      <source>“{0}”{1}的佐证材料</source>
      <translation>Supporting files of “{0}”, {1}</translation>
    </message>
  </context>
  <context>
    <name>QuarterDialog</name>
    <message>
      <source>季度工作进展情况表</source>
      <translation>Quarterly progress report</translation>
    </message>
    <message>
      <source>第一季度</source>
      <translation>First quarter</translation>
    </message>
    <message>
      <source>第二季度</source>
      <translation>Second quarter</translation>
    </message>
    <message>
      <source>第三季度</source>
      <translation>Third quarter</translation>
    </message>
    <message>
      <source>第四季度</source>
      <translation>Fourth quarter</translation>
    </message>
    <message>
      <source>预览</source>
      <translation>Preview</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>季度：</source>
      <translation>Quarter:</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <source>目标调整</source>
      <translation>Plan adjustment</translation>
    </message>
    <message>
      <source>本责任书已于 %1定稿。修改目标将记入目标调整情况（日期、修改内容和理由）。</source>
      <translation>This book was finalized on %1. A change to the plan is recorded as an adjustment (date, what changed and why).</translation>
    </message>
    <message>
      <source>调整理由（必填）：</source>
      <translation>Reason for the adjustment (required):</translation>
    </message>
    <message>
      <source>例如：根据区委工作部署调整</source>
      <translation>e.g. following the district committee's new arrangements</translation>
    </message>
    <message>
      <source>本次打开期间对目标的其他修改也记入这次调整。</source>
      <translation>Other changes to the plan while the book stays open join this adjustment.</translation>
    </message>
    <message>
      <source>记入调整</source>
      <translation>Record Adjustment</translation>
    </message>
    <message>
      <source>取消修改</source>
      <translation>Undo the Change</translation>
    </message>
  </context>
  <context>
    <name>RecoveryActions</name>
    <message>
      <source>全部蓝皮书和佐证材料 (*.bluebooks.zip)</source>
      <translation>All books with their supporting files (*.bluebooks.zip)</translation>
    </message>
    <message>
      <source>备份</source>
      <translation>Back up</translation>
    </message>
    <message>
      <source>备份失败</source>
      <translation>Backup failed</translation>
    </message>
    <message>
      <source>已备份到：%1</source>
      <translation>Backed up to: %1</translation>
    </message>
    <message>
      <source>正在备份全部蓝皮书……</source>
      <translation>Backing up every book…</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>备份已取消，没有写入文件。</source>
      <translation>Backup cancelled; no file was written.</translation>
    </message>
    <message>
      <source>已将 %1 本蓝皮书备份到：%2</source>
      <translation>Backed up %1 books to: %2</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>数据库备份 (*.sqlite3);;所有文件 (*)</source>
      <translation>Database backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
      <source>无法恢复</source>
      <translation>Cannot restore</translation>
    </message>
    <message>
      <source>无法从这个文件恢复：%1。</source>
      <translation>Cannot restore from this file: %1.</translation>
    </message>
    <message>
      <source>用 %1 的备份替换当前的全部蓝皮书吗？

当前数据库会先备份到：
%2</source>
      <translation>Replace all current books with the backup from %1?

The current database will first be backed up to:
%2</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>恢复失败</source>
      <translation>Restore failed</translation>
    </message>
    <message>
      <source>已从备份恢复。恢复前的数据库保存在：%1</source>
      <translation>Restored from backup. The database as it was before is kept at: %1</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>%1

本窗口的版本也无法另存：%2
请用“导出蓝皮书文件”把内容另存一份。</source>
      <translation>%1

This window's version could not be saved separately either: %2
Please use “Export book file” to save a copy.</translation>
    </message>
    <message>
      <source>另一个窗口修改了这本蓝皮书</source>
      <translation>Another window changed this book</translation>
    </message>
    <message>
      <source>%1

本窗口的版本已另存为：
%2
可以用“导入”打开它，与数据库中的版本对照。

现在显示数据库中的最新版本。</source>
      <translation>%1

This window's version has been saved as:
%2
You can open it with “Import” to compare it with the version in the database.

The latest version from the database is shown now.</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message>
      <source>自评总结</source>
      <translation>Self-review summary</translation>
    </message>
    <message>
      <source>全年目标任务完成情况的总体自评</source>
      <translation>The unit’s overall review of the year’s targets</translation>
    </message>
    <message>
      <source>如 2021-12-20</source>
      <translation>e.g. 2021-12-20</translation>
    </message>
    <message>
      <source>可不填</source>
      <translation>optional</translation>
    </message>
    <message>
      <source>自评日期：</source>
      <translation>Reviewed on:</translation>
    </message>
    <message>
      <source>总评得分：</source>
      <translation>Overall score:</translation>
    </message>
    <message>
      <source>自评日期应写成 2021-12-20 这样的格式；没有改动。</source>
      <translation>Write the review date like 2021-12-20; nothing was changed.</translation>
    </message>
    <message>
      <source>修改自评总结</source>
      <translation>Change the self-review summary</translation>
    </message>
    <message>
      <source>修改自评结果</source>
      <translation>Change the review result</translation>
    </message>
    <message>
      <source>修改全年完成情况</source>
      <translation>Change what was done in the year</translation>
    </message>
    <message>
      <source>修改未完成原因</source>
      <translation>Change the reason not completed</translation>
    </message>
    <message>
      <source>修改自评得分</source>
      <translation>Change the self-score</translation>
    </message>
    <message>
      <source>修改佐证材料</source>
      <translation>Change the supporting files</translation>
    </message>
    <message>
      <source>修改年度自评</source>
      <translation>Change the year-end review</translation>
    </message>
    <message>
      <source>（未填工作任务）</source>
      <translation>(task not named)</translation>
    </message>
    <message>
      <source>“{0}”年度自评的佐证材料</source>
      <translation>Supporting files of the year-end review of “{0}”</translation>
    </message>
  </context>
  <context>
    <name>ScheduleEditor</name>
    <message>
      <source>每项任务最多 {0} 个进度步骤</source>
      <extracomment>The new tuple[ScheduleEntry, ...] and a merge key for typing in one step's text ("&lt;step id&gt;.text"), or None when the change is its own undo step (ticks, adding, moving). Rows and keys follow a step by its id, wherever it moves. A text was cut back to TEXT_MAX characters.</extracomment>
      <translation>A task can have at most {0} schedule steps</translation>
    </message>
    <message>
      <source>（请勾选季度）</source>
      <translation>(tick a quarter)</translation>
    </message>
    <message>
      <source>尚无进度安排。点击“添加步骤”，每一步勾选所在季度并填写内容。</source>
      <translation>No schedule yet. Click “Add step”, then for each step tick its quarters and describe it.</translation>
    </message>
    <message>
      <source>添加步骤</source>
      <translation>Add step</translation>
    </message>
    <message>
      <source>在末尾添加一步进度安排</source>
      <translation>Add a step at the end of the schedule</translation>
    </message>
    <message>
      <source>打印效果：</source>
      <translation>As printed:</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>界面语言</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <source>语言：</source>
      <translation>Language:</translation>
    </message>
    <message>
      <source>更改语言后，重新启动程序生效。</source>
      <translation>A new language takes effect when you restart the program.</translation>
    </message>
    <message>
      <source>打印稿（PDF）</source>
      <translation>Printout (PDF)</translation>
    </message>
    <message>
      <source>任务表格横向排版（封面仍为纵向）</source>
      <translation>Task tables in landscape (the cover stays portrait)</translation>
    </message>
    <message>
      <source>两字姓名中间加空格对齐（陈晓 → 陈 晓）</source>
      <translation>Space out two-character names to line up (陈晓 → 陈 晓)</translation>
    </message>
    <message>
      <source>页码居中（默认单页靠右、双页靠左）</source>
      <translation>Centre page numbers (default: right on odd pages, left on even)</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>数据库服务器：</source>
      <translation>Database server:</translation>
    </message>
    <message>
      <source>postgresql://用户名@服务器:端口/数据库名</source>
      <translation>postgresql://user@server:port/database</translation>
    </message>
    <message>
      <source>留空则使用本机的数据库文件。密码不写在这里，请写在 .pgpass 文件中。更改后，重新启动程序生效。</source>
      <translation>Leave empty to use the database file on this computer. The password does not go here: write it in the .pgpass file. Changes take effect after the program is restarted.</translation>
    </message>
    <message>
      <source>打印使用的字体</source>
      <translation>Fonts used for printing</translation>
    </message>
  </context>
  <context>
    <name>TaskDetail</name>
    <message>
      <source>“%1”已是责任领导，没有重复添加。</source>
      <extracomment>The changed Task, the undo step's name, and what merges typing in one field ("objective", "schedule.&lt;step id&gt;.text") or None when the change is its own undo step.</extracomment>
      <translation>“%1” is already a responsible leader; not added twice.</translation>
    </message>
    <message>
      <source>{0}：</source>
      <translation>{0}:</translation>
    </message>
    <message>
      <source>文字过长：每栏最多 {0} 字，超出的部分没有保存。</source>
      <translation>Text too long: each field holds at most {0} characters; the extra text was not saved.</translation>
    </message>
    <message>
      <source>每项任务最多 {0} 位责任领导，多出的没有添加。</source>
      <translation>A task can have at most {0} responsible leaders; the names beyond that were not added.</translation>
    </message>
    <message>
      <source>修改工作任务</source>
      <translation>Edit work task</translation>
    </message>
    <message>
      <source>修改年度目标</source>
      <translation>Edit annual objective</translation>
    </message>
    <message>
      <source>修改{0}</source>
      <translation>Edit {0}</translation>
    </message>
    <message>
      <source>修改目标</source>
      <translation>Edit target</translation>
    </message>
    <message>
      <source>修改责任领导</source>
      <translation>Edit responsible leaders</translation>
    </message>
    <message>
      <source>修改牵头/协办</source>
      <translation>Edit lead / assist</translation>
    </message>
    <message>
      <source>修改全年进度安排</source>
      <translation>Edit schedule</translation>
    </message>
    <message>
      <source>请先在表格中添加或选择一项任务，再在这里填写。</source>
      <translation>Add or select a task in the table first, then fill it in here.</translation>
    </message>
    <message>
      <source>工作任务：</source>
      <translation>Work task:</translation>
    </message>
    <message>
      <source>如：政治协商</source>
      <translation>e.g. 政治协商</translation>
    </message>
    <message>
      <source>年度目标：</source>
      <translation>Annual objective:</translation>
    </message>
    <message>
      <source>做什么、为什么，可写多行</source>
      <translation>What and why; several lines are fine</translation>
    </message>
    <message>
      <source>目标：</source>
      <translation>Target:</translation>
    </message>
    <message>
      <source>可不填；打印为单独一行“目标：……”</source>
      <translation>Optional; prints as “目标：……”</translation>
    </message>
    <message>
      <source>责任领导：</source>
      <translation>Leaders:</translation>
    </message>
    <message>
      <source>按打印顺序排列；选中后可上移、下移或删除</source>
      <translation>In printed order; select a name to move it up or down, or to delete it</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Down</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>输入姓名后按回车，多人用空格分开</source>
      <translation>Name + Enter</translation>
    </message>
    <message>
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>牵头/协办：</source>
      <translation>Lead / assist:</translation>
    </message>
    <message>
      <source>牵头</source>
      <translation>Lead</translation>
    </message>
    <message>
      <source>协办</source>
      <translation>Assist</translation>
    </message>
    <message>
      <source>请选择牵头或协办</source>
      <translation>Please choose lead or assist</translation>
    </message>
    <message>
      <source>全年进度安排：</source>
      <translation>Schedule:</translation>
    </message>
  </context>
  <context>
    <name>TaskPage</name>
    <message>
      <source>添加任务</source>
      <translation>Add task</translation>
    </message>
    <message>
      <source>删除任务</source>
      <translation>Delete task</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>说明：{0}</source>
      <translation>Note: {0}</translation>
    </message>
    <message>
      <source>本单位未承担重点工作、改革重点项目：打印时表格各栏填“无”。</source>
      <translation>This unit has no key work or key reform tasks: every column of the printed table reads “无” (none).</translation>
    </message>
    <message>
      <source>已填写的 {0} 项任务仍保留，取消勾选即可恢复。</source>
      <translation> Tasks already entered ({0}) are kept; untick the box to bring them back.</translation>
    </message>
    <message>
      <source>尚未填写重点工作：打印时表格各栏填“无”。</source>
      <translation>No key tasks entered yet: every column of the printed table reads “无” (none).</translation>
    </message>
    <message>
      <source>（未填工作任务）</source>
      <translation>(no work task)</translation>
    </message>
    <message>
      <source>删除第 {0} 项任务“{1}”？删除后可用“撤销”恢复。</source>
      <translation>Delete task {0}, “{1}”? You can bring it back with “Undo”.</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>调整任务顺序</source>
      <translation>Reorder tasks</translation>
    </message>
    <message>
      <source>修改工作任务</source>
      <translation>Edit work task</translation>
    </message>
    <message>
      <source>修改年度目标</source>
      <translation>Edit annual objective</translation>
    </message>
    <message>
      <source>修改责任领导</source>
      <translation>Edit responsible leaders</translation>
    </message>
    <message>
      <source>修改牵头/协办</source>
      <translation>Edit lead/assist</translation>
    </message>
    <message>
      <source>修改{0}</source>
      <translation>Edit {0}</translation>
    </message>
    <message>
      <source>已填写 {0} 项重点工作。勾选“本单位未承担”后，打印时表格各栏填“无”；已填写的任务会保留，取消勾选即可恢复。是否继续？</source>
      <translation>Key tasks entered: {0}. With “Unit has none” ticked, every column of the printed table reads “无” (none); the tasks entered are kept, and unticking the box brings them back. Continue?</translation>
    </message>
    <message>
      <source>勾选</source>
      <translation>Tick</translation>
    </message>
    <message>
      <source>标记本单位未承担重点工作</source>
      <translation>Mark unit as having no key tasks</translation>
    </message>
    <message>
      <source>取消“本单位未承担”</source>
      <translation>Untick “Unit has none”</translation>
    </message>
    <message>
      <source>请确认</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>本单位未承担（填 无）</source>
      <translation>Unit has none (prints 无)</translation>
    </message>
    <message>
      <source>勾选后，打印时表格各栏填“无”；已填写的任务会保留，取消勾选即可恢复</source>
      <translation>When ticked, every column of the printed table reads “无” (none); tasks already entered are kept and come back when you untick it</translation>
    </message>
    <message>
      <source>在选中任务之后添加一项任务（Insert）</source>
      <translation>Add a task after the selected one (Insert)</translation>
    </message>
    <message>
      <source>删除选中的任务（Delete），可撤销</source>
      <translation>Delete the selected task (Delete); can be undone</translation>
    </message>
    <message>
      <source>把选中的任务上移一行（Ctrl+↑），也可拖动行调整顺序</source>
      <translation>Move the selected task up one row (Ctrl+↑); you can also drag rows</translation>
    </message>
    <message>
      <source>把选中的任务下移一行（Ctrl+↓），也可拖动行调整顺序</source>
      <translation>Move the selected task down one row (Ctrl+↓); you can also drag rows</translation>
    </message>
  </context>
  <context>
    <name>TextsPage</name>
    <message>
      <source>修改单位负责人意见</source>
      <translation>Edit head's opinion</translation>
    </message>
    <message>
      <source>修改第一部分标题</source>
      <translation>Edit Part 1 title</translation>
    </message>
    <message>
      <source>修改第一部分注</source>
      <translation>Edit Part 1 note</translation>
    </message>
    <message>
      <source>修改第二部分标题</source>
      <translation>Edit Part 2 title</translation>
    </message>
    <message>
      <source>修改第二部分注</source>
      <translation>Edit Part 2 note</translation>
    </message>
    <message>
      <source>文字过长：每栏最多 %1 字，超出的部分没有保存。</source>
      <translation>Text too long: at most %1 characters per field; the rest was not saved.</translation>
    </message>
    <message>
      <source>单位负责人意见</source>
      <translation>Opinion of the unit head</translation>
    </message>
    <message>
      <source>通常填写“同意”。签名和盖章在打印稿上手写、盖印。</source>
      <translation>Usually “同意” (agreed). The signature and the seal go on the printout by hand.</translation>
    </message>
    <message>
      <source>填入“同意”</source>
      <translation>Enter “同意”</translation>
    </message>
    <message>
      <source>表格标题与说明（随当年模板，一般无需修改）</source>
      <translation>Table titles and notes (from this year's template; usually left as they are)</translation>
    </message>
    <message>
      <source>第一部分标题：</source>
      <translation>Part 1 title:</translation>
    </message>
    <message>
      <source>第一部分注：</source>
      <translation>Part 1 note:</translation>
    </message>
    <message>
      <source>第二部分标题：</source>
      <translation>Part 2 title:</translation>
    </message>
    <message>
      <source>第二部分注：</source>
      <translation>Part 2 note:</translation>
    </message>
  </context>
  <context>
    <name>UnitsDialog</name>
    <message>
      <source>%1 年度应报送单位</source>
      <translation>Units Expected in %1</translation>
    </message>
    <message>
      <source>每行一个单位名称，可从 Excel 中复制粘贴。</source>
      <translation>One unit name a line; can be pasted from Excel.</translation>
    </message>
    <message>
      <source>从文件读取…</source>
      <translation>Read from File…</translation>
    </message>
    <message>
      <source>文本文件（每行一个单位名称）、CSV 或 Excel（.xlsx）文件</source>
      <translation>A text file (one unit name a line), a CSV or an Excel (.xlsx) file</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>应报送的单位（每行一个）：</source>
      <translation>Units expected to submit (one a line):</translation>
    </message>
    <message>
      <source>共 %1 个单位</source>
      <translation>%1 units</translation>
    </message>
    <message>
      <source>读取单位名单</source>
      <translation>Read the List of Units</translation>
    </message>
    <message>
      <source>单位名单 (*.txt *.csv *.xlsx);;所有文件 (*)</source>
      <translation>Lists of units (*.txt *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
      <source>无法读取单位名单</source>
      <translation>Cannot Read the List of Units</translation>
    </message>
  </context>
  <context>
    <name>Workspace</name>
    <message>
      <source>无法打开</source>
      <translation>Cannot open</translation>
    </message>
    <message>
      <source>保存失败：%1。修改仍在窗口中，程序会自动重试。</source>
      <translation>Saving failed: %1. Your changes are still in the window; saving will be retried.</translation>
    </message>
    <message>
      <source>保存失败：%1。修改仍在窗口中，也已另存在 %2；程序会自动重试，保存后删除该文件。</source>
      <translation>Saving failed: %1. The changes are still in the window and are also kept in %2; the program will try again and delete that file once they are saved.</translation>
    </message>
  </context>
  <context>
    <name>YearGlance</name>
    <message>
      <source>{0}：</source>
      <translation>{0}: </translation>
    </message>
    <message>
      <source>{0}进展已全部填报。</source>
      <translation>Every {0} report is in.</translation>
    </message>
    <message>
      <source>{0}进展应于{1}前报送，已逾期，尚有 {2} 项未填。</source>
      <translation>The {0} report was due by {1} and is late: {2} tasks still to report.</translation>
    </message>
    <message>
      <source>{0}进展 {1}前报送，尚有 {2} 项未填。</source>
      <translation>The {0} report is due by {1}: {2} tasks still to report.</translation>
    </message>
  </context>
  <context>
    <name>YearPage</name>
    <message>
      <source>每栏最多 {0} 字，多出的部分没有保留。</source>
      <translation>A cell holds at most {0} characters; the rest was not kept.</translation>
    </message>
    <message>
      <source>佐证材料：请先在上面选择一项任务。</source>
      <translation>Supporting files: choose a task above first.</translation>
    </message>
  </context>
  <context>
    <name>YearPrints</name>
    <message>
      <source>季度工作进展情况表…</source>
      <translation>Quarterly progress report…</translation>
    </message>
    <message>
      <source>年度绩效目标完成情况自评表…</source>
      <translation>Year-end self-review…</translation>
    </message>
    <message>
      <source>目标调整情况…</source>
      <translation>Target adjustments…</translation>
    </message>
    <message>
      <source>有字符无法打印</source>
      <translation>Some characters cannot be printed</translation>
    </message>
    <message>
      <source>以下字符在字体中没有，打印时会显示为方框“□”：
%1

仍要继续吗？</source>
      <translation>These characters are not in the font and will print as a box “□”:
%1

Continue anyway?</translation>
    </message>
    <message>
      <source>继续</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>返回修改</source>
      <translation>Go back and edit</translation>
    </message>
    <message>
      <source>无法生成打印稿</source>
      <translation>Cannot create the printout</translation>
    </message>
  </context>
  <context>
    <name>_StepRow</name>
    <message>
      <source>季度：</source>
      <translation>Quarters:</translation>
    </message>
    <message>
      <source>第{0}季度；四个都勾即“全年”</source>
      <translation>Quarter {0}; tick all four for “全年” (whole year)</translation>
    </message>
    <message>
      <source>上移</source>
      <translation>Up</translation>
    </message>
    <message>
      <source>把这一步上移</source>
      <translation>Move this step up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation>Down</translation>
    </message>
    <message>
      <source>把这一步下移</source>
      <translation>Move this step down</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>删除这一步</source>
      <translation>Delete this step</translation>
    </message>
    <message>
      <source>这一步做什么，如：召开提案办理协调会。</source>
      <translation>What this step does, e.g. 召开提案办理协调会。</translation>
    </message>
    <message>
      <source>请勾选季度</source>
      <extracomment>The id of the step this row shows (ScheduleEntry.id). No quarter is ticked: the row says 请勾选季度.</extracomment>
      <translation>Tick a quarter</translation>
    </message>
    <message>
      <source>印为：%1：</source>
      <translation>Prints as: %1:</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>请输入数据库服务器的密码（保存在系统的凭据管理器中，不写入设置）：</source>
      <translation>Enter the database server's password (kept in the system's credential manager, never in the settings):</translation>
    </message>
    <message>
      <source>程序遇到意外错误：%1

已输入的内容仍在窗口中，会照常自动保存，可以继续使用。
详细信息已记录在日志：%2</source>
      <translation>The program ran into an unexpected error: %1

What you have entered is still in the window and will be saved automatically as usual; you can carry on working.
The details are in the log: %2</translation>
    </message>
    <message>
      <source>程序内部错误</source>
      <translation>an internal error in the program</translation>
    </message>
    <message>
      <source>（无法写入日志）</source>
      <translation>(the log could not be written)</translation>
    </message>
    <message>
      <source>意外错误</source>
      <translation>Unexpected error</translation>
    </message>
  </context>
  <context>
    <name>collecting</name>
    <message>
      <source>已导入</source>
      <translation>imported</translation>
    </message>
    <message>
      <source>已替换</source>
      <translation>replaced</translation>
    </message>
    <message>
      <source>未导入</source>
      <translation>not imported</translation>
    </message>
    <message>
      <source>已有“{unit}”{year} 年的蓝皮书（编号 {id}）。如果这是重新报送的版本，请加上 --replace 替换原来的版本。</source>
      <translation>There is already a {year} book of “{unit}” (number {id}). If this is a resubmission, add --replace to replace the earlier version.</translation>
    </message>
    <message>
      <source>已有多本“{unit}”{year} 年的蓝皮书（编号 {ids}），不知道替换哪一本；请先删除多余的版本。</source>
      <translation>There are several {year} books of “{unit}” (numbers {ids}); which one to replace is unclear. Delete the extra versions first.</translation>
    </message>
    <message>
      <source>“{path}”中没有蓝皮书文件。</source>
      <translation>“{path}” holds no book files.</translation>
    </message>
    <message>
      <source>压缩文件“{name}”已损坏（{reason}），无法读取。</source>
      <translation>The zip file “{name}” is damaged ({reason}) and cannot be read.</translation>
    </message>
    <message>
      <source>已有“{unit}”{year} 年的蓝皮书（编号 {id}），按您的选择跳过，未替换。</source>
      <translation>There is already a {year} book of “{unit}” (number {id}); skipped as you chose, not replaced.</translation>
    </message>
    <message>
      <source>无法保存被替换的版本（{reason}），原来的版本未被替换。</source>
      <translation>The replaced version could not be kept ({reason}); the earlier version was not replaced.</translation>
    </message>
  </context>
  <context>
    <name>collection</name>
    <message>
      <source>未报送</source>
      <translation>not submitted</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>报送时间</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <source>定稿</source>
      <translation>Finalized</translation>
    </message>
    <message>
      <source>重点
工作数</source>
      <translation>Key
tasks</translation>
    </message>
    <message>
      <source>职能
工作数</source>
      <translation>Functional
tasks</translation>
    </message>
    <message>
      <source>检查发现</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>第一季度</source>
      <translation>Q1</translation>
    </message>
    <message>
      <source>第二季度</source>
      <translation>Q2</translation>
    </message>
    <message>
      <source>第三季度</source>
      <translation>Q3</translation>
    </message>
    <message>
      <source>第四季度</source>
      <translation>Q4</translation>
    </message>
    <message>
      <source>未报进展</source>
      <translation>Reports not made</translation>
    </message>
  </context>
  <context>
    <name>findings</name>
    <message>
      <source>未填写{label}</source>
      <translation>{label} not filled in</translation>
    </message>
    <message>
      <source>{section}第 {number} 项未填写{column}</source>
      <translation>{section} item {number}: {column} not filled in</translation>
    </message>
    <message>
      <source>{section}第 {number} 项第 {step} 条进度安排未勾选季度</source>
      <translation>{section} item {number}: schedule line {step} has no quarter ticked</translation>
    </message>
    <message>
      <source>{section}第 {number} 项未选择牵头或协办</source>
      <translation>{section} item {number}: neither lead nor assist chosen</translation>
    </message>
    <message>
      <source>{key}与{functional}合计 {count} 项（原则上不超过 {limit} 项）</source>
      <translation>{key} and {functional}: {count} items in all (in principle no more than {limit})</translation>
    </message>
    <message>
      <source>有 {count} 个字符无法打印：{chars}</source>
      <translation>{count} characters cannot be printed: {chars}</translation>
    </message>
  </context>
  <context>
    <name>fonts</name>
    <message>
      <source>正文与表格</source>
      <translation>Body text and tables</translation>
    </message>
    <message>
      <source>封面与签署栏</source>
      <translation>Cover and signature block</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Headings</translation>
    </message>
    <message>
      <source>西文与数字</source>
      <translation>Latin letters and digits</translation>
    </message>
    <message>
      <source>缺字备用</source>
      <translation>Fallback for missing characters</translation>
    </message>
  </context>
  <context>
    <name>form</name>
    <message>
      <source>填表人</source>
      <translation>Filled in by</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>工作任务</source>
      <translation>Work task</translation>
    </message>
    <message>
      <source>全年进度安排</source>
      <translation>Schedule</translation>
    </message>
    <message>
      <source>责任领导</source>
      <translation>Leaders</translation>
    </message>
    <message>
      <source>牵头/协办</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>重点工作</source>
      <translation>Key tasks</translation>
    </message>
    <message>
      <source>年度目标/改革要点</source>
      <translation>Objective / reform</translation>
    </message>
    <message>
      <source>年度目标/改革要点：</source>
      <translation>Objective / reform points:</translation>
    </message>
    <message>
      <source>职能工作</source>
      <translation>Functional tasks</translation>
    </message>
    <message>
      <source>年度目标</source>
      <translation>Objective</translation>
    </message>
    <message>
      <source>年度目标：</source>
      <translation>Annual objective:</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Serial no.</translation>
    </message>
    <message>
      <source>单位名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>填表人姓名及职务</source>
      <translation>Filled in by (name and position)</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>填表日期</source>
      <translation>Date filled</translation>
    </message>
  </context>
  <context>
    <name>import</name>
    <message>
      <source>封面：{line}</source>
      <translation>Cover: {line}</translation>
    </message>
    <message>
      <source>封面（重复的栏目）：{line}</source>
      <translation>Cover (a field given twice): {line}</translation>
    </message>
    <message>
      <source>封面：年度“{value}”不是 2000–2100 之间的年份</source>
      <translation>Cover: the year “{value}” is not a year from 2000 to 2100</translation>
    </message>
    <message>
      <source>封面：填表日期“{value}”不是有效日期</source>
      <translation>Cover: the fill date “{value}” is not a valid date</translation>
    </message>
    <message>
      <source>封面：{line}（月份无效）</source>
      <translation>Cover: {line} (not a valid month)</translation>
    </message>
    <message>
      <source>合并单元格横跨“{columns}”栏，内容已归入“{column}”。</source>
      <translation>a merged cell spans the “{columns}” columns; its text was placed in “{column}”.</translation>
    </message>
    <message>
      <source>无法识别的栏目“{header}”：{text}</source>
      <translation>unknown column “{header}”: {text}</translation>
    </message>
    <message>
      <source>重点工作表格出现在职能工作表格之后，已按表头归类。</source>
      <translation>The key-task table came after the functional-task table; the tables were told apart by their headers.</translation>
    </message>
    <message>
      <source>没有找到重点工作表格：按没有重点工作处理。</source>
      <translation>No key-task table was found: read as having no key tasks.</translation>
    </message>
    <message>
      <source>没有找到重点工作表格，也没有写“无”：按没有重点工作处理。</source>
      <translation>No key-task table was found, and no “无” was written: read as having no key tasks.</translation>
    </message>
    <message>
      <source>封面：没有找到年度，已按{source}定为 {year} 年，请核对。</source>
      <translation>Cover: no year was found; it was taken from {source} as {year}. Please check it.</translation>
    </message>
    <message>
      <source>签名、盖章处：{line}</source>
      <translation>Signature and seal: {line}</translation>
    </message>
    <message>
      <source>{section}表中重复的表头行（换页时重复）已略过。</source>
      <translation>{section}: a repeated header row (repeated at a page break) was skipped.</translation>
    </message>
    <message>
      <source>{section}表中有一行“无”，已忽略。</source>
      <translation>{section}: a row of “无” was ignored.</translation>
    </message>
    <message>
      <source>{item}：下一行（或下一页）续写的内容已并入该项。</source>
      <translation>{item}: text continued on the next row (or page) was joined to this task.</translation>
    </message>
    <message>
      <source>{item}：“{column}”与上一项是合并的单元格，已照抄上一项的内容。</source>
      <translation>{item}: “{column}” is a cell merged with the task above; its text was copied from that task.</translation>
    </message>
    <message>
      <source>{item}：{problem}</source>
      <translation>{item}: {problem}</translation>
    </message>
    <message>
      <source>{item}：进度安排“{line}”没有写明季度（如“第一季度：”），未能归入。</source>
      <translation>{item}: the schedule line “{line}” names no quarter (such as “第一季度：”) and was not placed.</translation>
    </message>
    <message>
      <source>{item}：{column}“{text}”应为“牵头”或“协办”，未能归入。</source>
      <translation>{item}: {column} “{text}” should be “牵头” or “协办”; it was not placed.</translation>
    </message>
    <message>
      <source>{item}：{section}没有{column}栏，“{text}”未能归入。</source>
      <translation>{item}: {section} have no {column} column; “{text}” was not placed.</translation>
    </message>
    <message>
      <source>{where}：{line}</source>
      <translation>{where}: {line}</translation>
    </message>
    <message>
      <source>填表日期（{date}）</source>
      <translation>the fill date ({date})</translation>
    </message>
    <message>
      <source>编制年月（{month}）</source>
      <translation>the issue month ({month})</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>今年</source>
      <translation>this year</translation>
    </message>
    <message>
      <source>表格之前</source>
      <translation>Before the tables</translation>
    </message>
    <message>
      <source>表格之间</source>
      <translation>Between the tables</translation>
    </message>
    <message>
      <source>表格之后</source>
      <translation>After the tables</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>{count} 项</source>
      <translation>{count}</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>附件标注</source>
      <translation>Attachment label</translation>
    </message>
    <message>
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Serial no.</translation>
    </message>
    <message>
      <source>单位名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>填表人姓名及职务</source>
      <translation>Filled in by (name and position)</translation>
    </message>
    <message>
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>填表日期</source>
      <translation>Date filled</translation>
    </message>
    <message>
      <source>编制</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <source>  {label}：{value}</source>
      <translation>  {label}: {value}</translation>
    </message>
    <message>
      <source>从 Word 文档读取到：</source>
      <translation>Read from the Word document:</translation>
    </message>
    <message>
      <source>  重点工作、改革重点项目：{key}；职能工作：{count} 项</source>
      <translation>  Key and reform tasks: {key}; functional tasks: {count}</translation>
    </message>
    <message>
      <source>  进度安排共 {steps} 步；责任领导 {count} 人：{names}</source>
      <translation>  {steps} schedule steps; {count} leaders: {names}</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>  单位负责人意见：{opinion}</source>
      <translation>  Head's opinion: {opinion}</translation>
    </message>
    <message>
      <source>以下 {count} 处内容未能归入或需要核对，请在新建后查看：</source>
      <translation>{count} items could not be placed or need checking; please look at them after the book is created:</translation>
    </message>
    <message>
      <source>所有内容均已归入相应栏目。</source>
      <translation>Everything was placed in its field.</translation>
    </message>
    <message>
      <source>{section}第 {number} 项</source>
      <translation>{section}, task {number}</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>数据库 {database} 已损坏，已移到 {moved}（没有删除）。最新的完好备份：{backup}。</source>
      <translation>The database {database} is damaged and was moved to {moved} (not deleted). Newest good backup: {backup}.</translation>
    </message>
    <message>
      <source>数据库 {database} 已损坏，已移到 {moved}（没有删除）。没有找到完好的备份。</source>
      <translation>The database {database} is damaged and was moved to {moved} (not deleted). No good backup was found.</translation>
    </message>
    <message>
      <source>数据库 {database} 不存在：它曾经损坏，已移到 {moved}（没有删除）。最新的完好备份：{backup}。</source>
      <translation>The database {database} is missing: it was damaged earlier and moved to {moved} (not deleted). Newest good backup: {backup}.</translation>
    </message>
    <message>
      <source>数据库 {database} 不存在：它曾经损坏，已移到 {moved}（没有删除）。没有找到完好的备份。</source>
      <translation>The database {database} is missing: it was damaged earlier and moved to {moved} (not deleted). No good backup was found.</translation>
    </message>
    <message>
      <source>数据库服务器 {url} 上的数据由服务器备份和恢复（例如用 pg_dump 和 pg_restore），本程序的备份和恢复只用于本机的数据库文件。</source>
      <translation>The data on the database server {url} is backed up and restored by the server (for example with pg_dump and pg_restore); this program's backup and restore are for database files on this computer only.</translation>
    </message>
    <message>
      <source>单位名称“{start}…”过长（超过 {limit} 字），不像是一个单位的名称。请每行只写一个单位名称。</source>
      <translation>The unit name “{start}…” is too long (over {limit} characters) to be a unit's name. Please write one unit name a line.</translation>
    </message>
    <message>
      <source>这份佐证材料的文件不在数据库中（导入的是不含佐证材料的 .bluebook.json 文件）。请导入含佐证材料的 .bluebook.zip 文件，或重新添加该材料。</source>
      <translation>The file of this supporting material is not in the database (the book was imported from a .bluebook.json file, which carries no supporting files). Import the .bluebook.zip file that holds them, or add the material again.</translation>
    </message>
    <message>
      <source>这个数据库的结构与本程序不符（{problem}），无法打开。文件可能被其他程序改动过，请从备份恢复。</source>
      <translation>This database's structure does not match this program ({problem}), so it cannot be opened. Another program may have changed the file; please restore it from a backup.</translation>
    </message>
    <message>
      <source>“{name}”不是全部蓝皮书的备份文件（.bluebooks.zip），无法恢复。</source>
      <translation>“{name}” is not a backup of all books (.bluebooks.zip) and cannot be restored.</translation>
    </message>
    <message>
      <source>备份文件“{name}”中有不属于它的内容（{member}），可能被改动过，没有恢复任何内容。</source>
      <translation>The backup “{name}” holds something that does not belong in it ({member}); it may have been altered. Nothing was restored.</translation>
    </message>
    <message>
      <source>备份文件“{name}”过大或内容过多，没有恢复任何内容。</source>
      <translation>The backup “{name}” is too large or holds too many files. Nothing was restored.</translation>
    </message>
    <message>
      <source>无法读取文件 {path}：{reason}</source>
      <translation>Cannot read the file {path}: {reason}</translation>
    </message>
    <message>
      <source>“{name}”是旧版 Word/WPS 文档（.doc）或设有密码的文档，本程序无法直接读取。请先在 Word 或 WPS 中“另存为”.docx 格式（如设有打开密码，请先取消），再导入。</source>
      <translation>“{name}” is an old Word/WPS document (.doc) or a password-protected one, which this program cannot read. Open it in Word or WPS, use “Save As” to save it as .docx (remove any open password first), then import it again.</translation>
    </message>
    <message>
      <source>“{name}”不是 Word 文档（.docx）。请选择用 Word 或 WPS 保存的 .docx 文件。</source>
      <translation>“{name}” is not a Word document (.docx). Please choose a .docx file saved by Word or WPS.</translation>
    </message>
    <message>
      <source>“{name}”已损坏，无法读取（{reason}）。请在 Word 或 WPS 中打开并重新保存后再试。</source>
      <translation>“{name}” is damaged and cannot be read ({reason}). Open it in Word or WPS, save it again, then try once more.</translation>
    </message>
    <message>
      <source>“{name}”过大（解压后超过 {limit} MB），不是一份蓝皮书，已拒绝读取。</source>
      <translation>“{name}” is too large (over {limit} MB unpacked) to be a book; it was not read.</translation>
    </message>
    <message>
      <source>“{name}”的压缩内容异常（压缩比过高），可能是恶意构造的文件，已拒绝读取。</source>
      <translation>“{name}” is compressed abnormally (far too highly) and may be a malicious file; it was not read.</translation>
    </message>
    <message>
      <source>“{name}”中有内容超出了蓝皮书的限制（{problem}），没有导入。请在 Word 中把过长的内容分成几项后再导入。</source>
      <translation>“{name}” holds more than a book can ({problem}); nothing was imported. Split the over-long content into several items in Word, then import again.</translation>
    </message>
    <message>
      <source>“{name}”不是绩效目标责任书：没有找到“职能工作任务目标”表格（表头应有 {headers}）。</source>
      <translation>“{name}” is not a performance target book: no functional-task table was found (its header should read {headers}).</translation>
    </message>
    <message>
      <source>“{name}”不是绩效目标责任书：{section}表格缺少“{missing}”栏（表头应有 {headers}），没有导入。</source>
      <translation>“{name}” is not a performance target book: its {section} table has no “{missing}” column (the header should have {headers}). Nothing was imported.</translation>
    </message>
    <message>
      <source>“{name}”是空文件，不能作为佐证材料。佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。</source>
      <translation>“{name}” is an empty file and cannot be a supporting file. Supporting files can be PDF, images (JPEG, PNG), OFD, Word (.docx) or Excel (.xlsx) files.</translation>
    </message>
    <message>
      <source>“{name}”是旧版 Office/WPS 文件（.doc、.xls）或设有密码的文件，不能作为佐证材料。请另存为 .docx、.xlsx 或 PDF 后再添加。</source>
      <translation>“{name}” is an old Office/WPS file (.doc, .xls) or a password-protected one and cannot be a supporting file. Save it as .docx, .xlsx or PDF, then add it again.</translation>
    </message>
    <message>
      <source>“{name}”是程序文件，不能作为佐证材料。佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。</source>
      <translation>“{name}” is a program and cannot be a supporting file. Supporting files can be PDF, images (JPEG, PNG), OFD, Word (.docx) or Excel (.xlsx) files.</translation>
    </message>
    <message>
      <source>“{name}”是压缩包，不是 OFD、Word 或 Excel 文件，不能作为佐证材料。佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。</source>
      <translation>“{name}” is a zip archive, not an OFD, Word or Excel file, and cannot be a supporting file. Supporting files can be PDF, images (JPEG, PNG), OFD, Word (.docx) or Excel (.xlsx) files.</translation>
    </message>
    <message>
      <source>“{name}”不是可接受的文件类型，不能作为佐证材料。佐证材料可以是 PDF、图片（JPEG、PNG）、OFD、Word（.docx）或 Excel（.xlsx）文件。</source>
      <translation>“{name}” is not a kind of file that can be a supporting file. Supporting files can be PDF, images (JPEG, PNG), OFD, Word (.docx) or Excel (.xlsx) files.</translation>
    </message>
    <message>
      <source>“{name}”超过 {limit} MB，不能作为佐证材料。请压缩或拆分后再添加。</source>
      <translation>“{name}” is over {limit} MB and cannot be a supporting file. Compress or split it, then add it again.</translation>
    </message>
    <message>
      <source>“{name}”不是蓝皮书包（.bluebook.zip），无法导入。</source>
      <translation>“{name}” is not a book package (.bluebook.zip) and cannot be imported.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”已损坏（{reason}），没有导入任何内容。</source>
      <translation>The book package “{name}” is damaged ({reason}); nothing was imported.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”中有不属于它的内容（{member}），可能被改动过，没有导入任何内容。</source>
      <translation>The book package “{name}” holds something that does not belong in it ({member}) and may have been tampered with; nothing was imported.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”中的“{member}”过大，没有导入任何内容。</source>
      <translation>“{member}” in the book package “{name}” is too large; nothing was imported.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”的压缩内容异常（压缩比过高），可能是恶意构造的文件，没有导入任何内容。</source>
      <translation>The book package “{name}” is compressed abnormally (far too highly) and may be malicious; nothing was imported.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”缺少佐证材料“{file}”，没有导入任何内容。请让对方重新导出蓝皮书包。</source>
      <translation>The book package “{name}” lacks the supporting file “{file}”; nothing was imported. Ask the sender to export the package again.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”中的佐证材料“{file}”与记录不符（大小不同），可能已损坏或被改动，没有导入任何内容。</source>
      <translation>The supporting file “{file}” in the book package “{name}” does not match its record (its size differs); it may be damaged or altered. Nothing was imported.</translation>
    </message>
    <message>
      <source>蓝皮书包“{name}”中的佐证材料“{file}”与记录不符（内容不同），可能已损坏或被改动，没有导入任何内容。</source>
      <translation>The supporting file “{file}” in the book package “{name}” does not match its record (its content differs); it may be damaged or altered. Nothing was imported.</translation>
    </message>
    <message>
      <source>文件嵌套层数过深，不是蓝皮书文件。</source>
      <translation>The file is nested too deeply to be a book file.</translation>
    </message>
    <message>
      <source>{value} 不是进度（应为 {choices} 之一）。</source>
      <translation>{value} is not a progress status (it should be one of {choices}).</translation>
    </message>
    <message>
      <source>{value} 不是自评结果（应为 {choices} 之一）。</source>
      <translation>{value} is not a self-review result (it should be one of {choices}).</translation>
    </message>
    <message>
      <source>{path} 不是普通文件（可能是文件夹、设备或管道），无法读取。</source>
      <translation>{path} is not an ordinary file (it may be a folder, a device or a pipe) and cannot be read.</translation>
    </message>
    <message>
      <source>“{name}”过大（超过 {limit} MB），不是单位名单。请选择每行一个单位名称的文件。</source>
      <translation>“{name}” is too large (over {limit} MB) to be a list of units. Choose a file with one unit name a line.</translation>
    </message>
    <message>
      <source>“{name}”不是 Excel 工作簿或已损坏，无法作为单位名单读取。请选择文本文件（每行一个单位名称）、CSV 或 Excel（.xlsx）文件。</source>
      <translation>“{name}” is not an Excel workbook or is damaged, so it cannot be read as a list of units. Choose a text file (one unit name a line), a CSV or an Excel (.xlsx) file.</translation>
    </message>
    <message>
      <source>“{name}”中没有单位名称。</source>
      <translation>“{name}” holds no unit names.</translation>
    </message>
    <message>
      <source>这本蓝皮书没有目标调整，没有可打印的目标调整情况。</source>
      <translation>This book has no adjustments to its targets: there is no adjustments sheet to print.</translation>
    </message>
    <message>
      <source>季度应为 1 至 4，不是 {quarter}。</source>
      <translation>The quarter must be 1 to 4, not {quarter}.</translation>
    </message>
    <message>
      <source>数据库所在的文件夹 {folder} 是只读的，无法保存。请把数据库放在可以写入的文件夹中（例如默认位置）。</source>
      <translation>The database folder {folder} is read-only, so nothing can be saved. Please keep the database in a folder you can write to (such as the default location).</translation>
    </message>
    <message>
      <source>数据库文件 {path} 是只读的，无法保存。请取消该文件的“只读”属性后重试。</source>
      <translation>The database file {path} is read-only, so nothing can be saved. Please clear the file's “Read-only” attribute and try again.</translation>
    </message>
    <message>
      <source>{path} 是一个文件夹，不是数据库文件。请给出数据库文件的路径（例如 {example}）。</source>
      <translation>{path} is a folder, not a database file. Give the path of a database file (for example {example}).</translation>
    </message>
    <message>
      <source>无法打开数据库 {path}：文件已损坏或不是本程序的数据库。</source>
      <translation>Cannot open the database {path}: the file is damaged or is not a database of this program.</translation>
    </message>
    <message>
      <source>无法创建数据文件夹 {folder}：{reason}</source>
      <translation>Cannot create the data folder {folder}: {reason}</translation>
    </message>
    <message>
      <source>无法打开数据库 {path}：{reason}。</source>
      <translation>Cannot open the database {path}: {reason}.</translation>
    </message>
    <message>
      <source>无法在文件夹 {folder} 中写入备份：{reason}。</source>
      <translation>Cannot write a backup in the folder {folder}: {reason}.</translation>
    </message>
    <message>
      <source>无法从 {path} 恢复：{reason}。</source>
      <translation>Cannot restore from {path}: {reason}.</translation>
    </message>
    <message>
      <source>无法恢复数据库 {path}：{reason}。原来的内容已备份在 {saved}。</source>
      <translation>Cannot restore the database {path}: {reason}. Its previous contents are backed up at {saved}.</translation>
    </message>
    <message>
      <source>数据库 {path} 已损坏，但无法把它移开（{reason}）。请关闭其他正在使用它的程序（例如另一个蓝皮书窗口）后重试。</source>
      <translation>The database {path} is damaged, but it could not be moved aside ({reason}). Please close any other program using it (such as another Bluebook window) and try again.</translation>
    </message>
    <message>
      <source>无法读写数据库 {path}：{reason}。</source>
      <translation>Cannot read or write the database {path}: {reason}.</translation>
    </message>
    <message>
      <source>读写文件时出错：{reason}。</source>
      <translation>Error reading or writing a file: {reason}.</translation>
    </message>
    <message>
      <source>内存不足，操作没有完成。请关闭其他程序后重试。</source>
      <translation>Not enough memory; the operation was not completed. Close other programs and try again.</translation>
    </message>
    <message>
      <source>读写数据库时出错：{reason}。</source>
      <translation>Error reading or writing the database: {reason}.</translation>
    </message>
    <message>
      <source>无法读写文件 {path}：{reason}。</source>
      <translation>Cannot read or write the file {path}: {reason}.</translation>
    </message>
    <message>
      <source>数据库文件名过长（{size} 字节，最多 {limit} 字节）。请换一个短一些的文件名。</source>
      <translation>The database file name is too long ({size} bytes; at most {limit}). Please choose a shorter name.</translation>
    </message>
    <message>
      <source>数据库 {path} 位于网络位置（共享文件夹或网络驱动器）。SQLite 数据库在网络上无法可靠加锁，可能损坏数据，所以不能在这里使用。请把数据库放在本机磁盘上；需要与他人交换时，请用“导出蓝皮书文件”。</source>
      <translation>The database {path} is in a network location (a shared folder or network drive). An SQLite database cannot be locked reliably over a network and could be damaged, so it cannot be used there. Please keep the database on this computer's own disk; to exchange books with others, use “Export book file”.</translation>
    </message>
    <message>
      <source>文件 {path} 不是数据库文件，无法打开。</source>
      <translation>The file {path} is not a database file and cannot be opened.</translation>
    </message>
    <message>
      <source>无法读取数据库 {path}：{reason}。</source>
      <translation>Cannot read the database {path}: {reason}.</translation>
    </message>
    <message>
      <source>找不到编号为 {id} 的蓝皮书。</source>
      <translation>There is no book with the ID {id}.</translation>
    </message>
    <message>
      <source>这本蓝皮书已被删除，无法保存。</source>
      <translation>This book has been deleted and cannot be saved.</translation>
    </message>
    <message>
      <source>另一个窗口已修改了这本蓝皮书，本窗口的修改没有写入数据库。</source>
      <translation>Another window has changed this book; the changes in this window were not written to the database.</translation>
    </message>
    <message>
      <source>这个数据库由更新版本的程序创建（数据库版本 {revision}），当前程序无法打开。请安装最新版本后再打开。</source>
      <translation>This database was made by a newer version of the program (database version {revision}), which this version cannot open. Please install the latest version and open it again.</translation>
    </message>
    <message>
      <source>这个文件不是本程序的数据库，无法打开。</source>
      <translation>This file is not a database of this program and cannot be opened.</translation>
    </message>
    <message>
      <source>无法使用数据库 {scheme}://…：本程序只能使用本机磁盘上的数据库文件或 PostgreSQL 数据库服务器（postgresql://用户名@服务器/数据库名）。</source>
      <translation>Cannot use the database {scheme}://…: this program can only use a database file on this computer's disk or a PostgreSQL database server (postgresql://user@server/database).</translation>
    </message>
    <message>
      <source>无法连接数据库服务器 {url}：本程序没有安装 PostgreSQL 的连接组件（psycopg）。请安装 bluebook-desktop[postgresql]。</source>
      <translation>Cannot connect to the database server {url}: this program was installed without the PostgreSQL connector (psycopg). Please install bluebook-desktop[postgresql].</translation>
    </message>
    <message>
      <source>数据库地址 {url} 的写法不对。请按 postgresql://用户名@服务器:端口/数据库名 填写。</source>
      <translation>The database address {url} is not written correctly. Write it as postgresql://user@server:port/database.</translation>
    </message>
    <message>
      <source>{reason}</source>
      <translation>{reason}</translation>
    </message>
    <message>
      <source>无法写入文件 {path}：{reason}</source>
      <translation>Cannot write the file {path}: {reason}</translation>
    </message>
    <message>
      <source>文件 {path} 是只读的，没有覆盖。请取消该文件的“只读”属性，或另存为其他文件名。</source>
      <translation>The file {path} is read-only and was not replaced. Clear its “Read-only” attribute, or save under another name.</translation>
    </message>
    <message>
      <source>无法在文件夹 {folder} 中写入文件：{reason}</source>
      <translation>Cannot write files in the folder {folder}: {reason}</translation>
    </message>
    <message>
      <source>文件 {path} 正被其他程序打开（例如 Word 或 PDF 阅读器），无法覆盖。请关闭该程序后重试，或另存为其他文件名。</source>
      <translation>The file {path} is open in another program (such as Word or a PDF reader) and cannot be overwritten. Close that program and try again, or save under another name.</translation>
    </message>
    <message>
      <source>找不到字体文件 {path}，无法生成 PDF。</source>
      <translation>The font file {path} was not found, so the PDF cannot be made.</translation>
    </message>
    <message>
      <source>无法使用字体文件 {path}：{reason}（PDF 需要 TrueType 字体）。</source>
      <translation>Cannot use the font file {path}: {reason} (the PDF needs a TrueType font).</translation>
    </message>
    <message>
      <source>以下字符没有任何字体可以打印：{chars}。请修改这些文字后再导出。</source>
      <translation>No font can print these characters: {chars}. Change that text and export again.</translation>
    </message>
    <message>
      <source>文件中有 {name}，这不是 JSON 允许的数值。</source>
      <translation>The file contains {name}, which is not a number JSON allows.</translation>
    </message>
    <message>
      <source>文件过大（超过 {limit} MB），不是蓝皮书文件。</source>
      <translation>The file is too big (over {limit} MB); it is not a book file.</translation>
    </message>
    <message>
      <source>文件是空的。</source>
      <translation>The file is empty.</translation>
    </message>
    <message>
      <source>这不是蓝皮书文件（缺少 "format": "bluebook"）。</source>
      <translation>This is not a book file ("format": "bluebook" is missing).</translation>
    </message>
    <message>
      <source>文件来自更新版本的程序（格式版本 {version}），请先升级本程序。</source>
      <translation>The file comes from a newer version of the program (format version {version}). Please update this program first.</translation>
    </message>
    <message>
      <source>不支持的格式版本 {value}。</source>
      <translation>Format version {value} is not supported.</translation>
    </message>
    <message>
      <source>{value} 不是 2000–2100 之间的年份。</source>
      <translation>{value} is not a year between 2000 and 2100.</translation>
    </message>
    <message>
      <source>内容过多（共 {count} 字，一本蓝皮书最多 {limit} 字）。请把内容分成几本蓝皮书。</source>
      <translation>Too much content ({count} characters; a book holds at most {limit}). Please split it into several books.</translation>
    </message>
    <message>
      <source>{value} 不是编号（应为 32 位小写十六进制数字）。</source>
      <translation>{value} is not an identifier (it should be 32 lowercase hexadecimal digits).</translation>
    </message>
    <message>
      <source>{value} 不是 0–{limit} 之间的得分。</source>
      <translation>{value} is not a score between 0 and {limit}.</translation>
    </message>
    <message>
      <source>{value} 不是季度（应为 1–4）。</source>
      <translation>{value} is not a quarter (should be 1–4).</translation>
    </message>
    <message>
      <source>缺少必填项。</source>
      <translation>A required item is missing.</translation>
    </message>
    <message>
      <source>{value} 不是文件的 SHA-256 校验值（应为 64 位小写十六进制数字）。</source>
      <translation>{value} is not a file's SHA-256 checksum (it should be 64 lowercase hexadecimal digits).</translation>
    </message>
    <message>
      <source>{value} 不是文件大小（字节数）。</source>
      <translation>{value} is not a file size (a number of bytes).</translation>
    </message>
    <message>
      <source>佐证材料过大（{size} 字节，每个文件最多 {limit} MB）。</source>
      <translation>The supporting file is too large ({size} bytes; at most {limit} MB a file).</translation>
    </message>
    <message>
      <source>至少要有一个季度。</source>
      <translation>At least one quarter is needed.</translation>
    </message>
    <message>
      <source>季度重复。</source>
      <translation>A quarter appears twice.</translation>
    </message>
    <message>
      <source>应为一个对象（{{…}}），实际是 {value}。</source>
      <translation>Should be an object ({{…}}), but is {value}.</translation>
    </message>
    <message>
      <source>应为一个列表（[…]），实际是 {value}。</source>
      <translation>Should be a list ([…]), but is {value}.</translation>
    </message>
    <message>
      <source>项目过多（{count} 项，最多 {limit} 项）。</source>
      <translation>Too many items ({count}; at most {limit}).</translation>
    </message>
    <message>
      <source>应为文字，实际是 {value}。</source>
      <translation>Should be text, but is {value}.</translation>
    </message>
    <message>
      <source>文字过长（{count} 字，最多 {limit} 字）。</source>
      <translation>Text too long ({count} characters; at most {limit}).</translation>
    </message>
    <message>
      <source>含有空字符（NUL），文件可能已损坏。</source>
      <translation>Contains a null character (NUL); the file may be damaged.</translation>
    </message>
    <message>
      <source>含有无效字符（单独的代理码位），文件可能已损坏。</source>
      <translation>Contains an invalid character (a lone surrogate); the file may be damaged.</translation>
    </message>
    <message>
      <source>这是一个 Word 文档（.docx）或压缩文件，不是蓝皮书文件。Word 文件请以 .docx 为扩展名，用“导入”读取。</source>
      <translation>This is a Word document (.docx) or an archive, not a book file. Give a Word file the .docx extension and read it with “Import”.</translation>
    </message>
    <message>
      <source>文件过大，不是蓝皮书文件。</source>
      <translation>The file is too large to be a book file.</translation>
    </message>
    <message>
      <source>文件不是有效的 JSON（第 {line} 行第 {col} 列：{reason}）。</source>
      <translation>The file is not valid JSON (line {line}, column {col}: {reason}).</translation>
    </message>
    <message>
      <source>应为真假值，实际是 {value}。</source>
      <translation>Should be true or false, but is {value}.</translation>
    </message>
    <message>
      <source>{value} 不是有效日期（应为 YYYY-MM-DD）。</source>
      <translation>{value} is not a valid date (should be YYYY-MM-DD).</translation>
    </message>
    <message>
      <source>{value} 应为“牵头”或“协办”。</source>
      <translation>{value} should be “牵头” (lead) or “协办” (assist).</translation>
    </message>
    <message>
      <source>{name} 不是栏目名（应为英文字母开头的字母、数字或下划线，最多 100 个，且不是任务本身的栏目）。</source>
      <translation>{name} is not a column name (it should be letters, digits or underscores starting with a letter, at most 100, and not one of the task's own columns).</translation>
    </message>
    <message>
      <source>文件不是 UTF-8 编码的文本（第 {pos} 字节）。</source>
      <translation>The file is not UTF-8 text (at byte {pos}).</translation>
    </message>
    <message>
      <source>文件中的对象和列表过多（超过 {limit} 个），不是蓝皮书文件。</source>
      <translation>The file has too many objects and lists (more than {limit}); it is not a book file.</translation>
    </message>
    <message>
      <source>文件中同一处出现了两次 {key}（重复的键），无法确定以哪个为准。</source>
      <translation>{key} appears twice in the same place in the file (a duplicate key); it is not clear which one counts.</translation>
    </message>
    <message>
      <source>{value} 不是有效月份（应为 YYYY-MM）。</source>
      <translation>{value} is not a valid month (should be YYYY-MM).</translation>
    </message>
    <message>
      <source>第 {quarter} 季度已有一份进展报告，每个季度只能有一份。</source>
      <translation>Quarter {quarter} already has a progress report; a quarter can have only one.</translation>
    </message>
    <message>
      <source>第 {number} 项任务的第 {step} 条进度安排没有勾选季度，请先勾选再导出。</source>
      <translation>Task {number}, schedule step {step}: no quarter is ticked. Please tick one before exporting.</translation>
    </message>
    <message>
      <source>编号 {value} 在文件中出现了两次，文件可能已损坏。</source>
      <translation>The identifier {value} appears twice in the file; the file may be damaged.</translation>
    </message>
    <message>
      <source>{path} 是本程序的数据库或备份文件，导出到这里会把它覆盖。请另选一个文件名。</source>
      <translation>{path} is this program's database or a backup; exporting there would overwrite it. Please choose another file name.</translation>
    </message>
    <message>
      <source>无法创建文件夹 {folder}：{reason}</source>
      <translation>Cannot create the folder {folder}: {reason}</translation>
    </message>
    <message>
      <source>数据库服务器的地址 {url} 不对：请按 postgresql://用户名@服务器:端口/数据库名 填写，或留空使用本机的数据库文件。</source>
      <translation>The database server address {url} is not right: write it as postgresql://user@server:port/database, or leave it empty to use the database file on this computer.</translation>
    </message>
  </context>
  <context>
    <name>printing</name>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>打印稿生成失败，请先导出 PDF。</source>
      <translation>The printout could not be prepared. Please export a PDF and print that instead.</translation>
    </message>
  </context>
  <context>
    <name>recovery</name>
    <message>
      <source>可以从这个备份恢复；备份之后所做的修改无法找回。</source>
      <translation>You can restore from this backup; changes made after the backup cannot be recovered.</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>损坏的文件已保留，可交给技术人员尝试修复。也可以先用一个新的空数据库继续工作。</source>
      <translation>The damaged file has been kept, so a technician can try to repair it. You can also carry on with a new, empty database.</translation>
    </message>
    <message>
      <source>使用新的空数据库</source>
      <translation>Use a new empty database</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Exit</translation>
    </message>
  </context>
  <context>
    <name>rules</name>
    <message>
      <source>重点工作与职能工作合计 {count} 项，表格说明原则上不超过 {limit} 项。</source>
      <translation>Key and functional tasks total {count}; the form's note says no more than {limit} in principle.</translation>
    </message>
    <message>
      <source>联系电话应为固定电话（7–8 位，可加区号，如 0757-87771621）或 11 位手机号码。</source>
      <translation>Enter a landline (7–8 digits, area code optional, e.g. 0757-87771621) or an 11-digit mobile.</translation>
    </message>
    <message>
      <source>年度应在 2000 至 2100 之间。</source>
      <translation>The year should be between 2000 and 2100.</translation>
    </message>
    <message>
      <source>请填写单位名称。</source>
      <translation>Please enter the unit name.</translation>
    </message>
    <message>
      <source>填表日期与年度相差较大，请核对。</source>
      <translation>The date filled is far from the book's year; please check it.</translation>
    </message>
    <message>
      <source>封面：未填写单位名称。</source>
      <translation>Cover: no unit name.</translation>
    </message>
    <message>
      <source>封面：未填写填表日期。</source>
      <translation>Cover: the filling date is not filled in.</translation>
    </message>
    <message>
      <source>职能工作：一项任务也没有填写。</source>
      <translation>Functional tasks: not a single task filled in.</translation>
    </message>
    <message>
      <source>职能工作</source>
      <translation>Functional tasks</translation>
    </message>
    <message>
      <source>重点工作</source>
      <translation>Key tasks</translation>
    </message>
    <message>
      <source>{section}第 {number} 项：未填写工作任务。</source>
      <translation>{section}, no. {number}: no work task entered.</translation>
    </message>
    <message>
      <source>{section}第 {number} 项：未选择牵头或协办。</source>
      <translation>{section}, no. {number}: lead or assist not chosen.</translation>
    </message>
    <message>
      <source>{section}第 {number} 项：第 {step} 条进度安排未勾选季度。</source>
      <translation>{section}, no. {number}: schedule step {step} has no quarter ticked.</translation>
    </message>
    <message>
      <source>未填写单位负责人意见。</source>
      <translation>The unit head's opinion is not filled in.</translation>
    </message>
  </context>
  <context>
    <name>year</name>
    <message>
      <source>红</source>
      <translation>red</translation>
    </message>
    <message>
      <source>黄</source>
      <translation>yellow</translation>
    </message>
    <message>
      <source>绿</source>
      <translation>green</translation>
    </message>
    <message>
      <source>灰</source>
      <translation>grey</translation>
    </message>
    <message>
      <source>（不填）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>自评得分应为 0 到 {0} 之间的数字，如 95 或 92.5；没有改动。</source>
      <translation>The self-score must be a number from 0 to {0}, such as 95 or 92.5; nothing was changed.</translation>
    </message>
    <message>
      <source>这一季度的进展已有填写内容，进度不能不填；要删除这份进展，请先清空各栏和佐证材料。</source>
      <translation>This quarter’s report has content, so it needs a status; to remove the report, clear its cells and supporting files first.</translation>
    </message>
    <message>
      <source>这项任务的自评已有填写内容，自评结果不能不填；要删除自评，请先清空各栏和佐证材料。</source>
      <translation>This task’s review has content, so it needs a result; to remove the review, clear its cells and supporting files first.</translation>
    </message>
    <message>
      <source>（请填写未完成原因）</source>
      <translation>(give the reason it was not completed)</translation>
    </message>
    <message>
      <source>重点</source>
      <translation>Key</translation>
    </message>
    <message>
      <source>职能</source>
      <translation>Functional</translation>
    </message>
    <message>
      <source>第一季度</source>
      <translation>Q1</translation>
    </message>
    <message>
      <source>第二季度</source>
      <translation>Q2</translation>
    </message>
    <message>
      <source>第三季度</source>
      <translation>Q3</translation>
    </message>
    <message>
      <source>第四季度</source>
      <translation>Q4</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>超进度</source>
      <translation>Ahead</translation>
    </message>
    <message>
      <source>按进度</source>
      <translation>On pace</translation>
    </message>
    <message>
      <source>滞后</source>
      <translation>Behind</translation>
    </message>
    <message>
      <source>完成</source>
      <translation>Completed</translation>
    </message>
    <message>
      <source>基本完成</source>
      <translation>Mostly completed</translation>
    </message>
    <message>
      <source>未完成</source>
      <translation>Not completed</translation>
    </message>
    <message>
      <source>未报</source>
      <translation>Not reported</translation>
    </message>
    <message>
      <source>未开始</source>
      <translation>Not begun</translation>
    </message>
    <message>
      <source>计划：</source>
      <translation>Plan: </translation>
    </message>
    <message>
      <source>完成情况：</source>
      <translation>Done: </translation>
    </message>
    <message>
      <source>序号</source>
      <extracomment>A cell of the task with this id was edited: the field's name. An edit was not taken: the reason, for the clerk. The tasks this call changed in place: (as shown before, as shown now).</extracomment>
      <translation>No.</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Table</translation>
    </message>
    <message>
      <source>工作任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>本季度计划</source>
      <translation>Plan this quarter</translation>
    </message>
    <message>
      <source>进度灯</source>
      <translation>Light</translation>
    </message>
    <message>
      <source>进度</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>完成情况</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>完成值</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>存在问题</source>
      <translation>Problems</translation>
    </message>
    <message>
      <source>下步措施</source>
      <translation>Next steps</translation>
    </message>
    <message>
      <source>佐证材料</source>
      <translation>Files</translation>
    </message>
    <message>
      <source>一季度</source>
      <translation>Q1</translation>
    </message>
    <message>
      <source>二季度</source>
      <translation>Q2</translation>
    </message>
    <message>
      <source>三季度</source>
      <translation>Q3</translation>
    </message>
    <message>
      <source>四季度</source>
      <translation>Q4</translation>
    </message>
    <message>
      <source>自评结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>全年完成情况</source>
      <translation>Done in the year</translation>
    </message>
    <message>
      <source>未完成原因</source>
      <translation>Reason not completed</translation>
    </message>
    <message>
      <source>自评得分</source>
      <translation>Self-score</translation>
    </message>
  </context>
</TS>